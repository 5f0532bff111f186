// A result is a struct, a union or a list of them, unless the command is in commandReturnsExceptions.
package cases.returns.bad.type;

import java.util.List;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema(value = "returns-bad-type", commandReturnsExceptions = {"no-way-this-will-get-through", "allowed"})
public interface Api {
  enum Color { RED }

  @Command
  long allowed();

  @Command
  List<Long> guestGetTime();

  @Command
  String humanMonitorCommand();

  @Command
  Color queryColor();
}
