// A definition cannot take the name of a built-in type.
package cases.command.integer;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema("command-int")
public interface Api {
  @Name("str")
  record Str(String s) {}

  @Command(name = "int")
  void integer(Str s);
}
