// A command's 'data' is a struct (or, boxed, a union): not an alternate, an enum or a built-in.
package cases.args.alternate;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.runtime.json.JsonValue;

@Schema("args-alternate")
public interface Api {
  enum Color { RED }

  @Alternate
  sealed interface Alt {
    record N(long value) implements Alt {}

    record B(boolean value) implements Alt {}
  }

  @Command(data = Alt.class)
  void oops();

  @Command(data = Color.class)
  void oopsEnum();

  @Command(data = JsonValue.class)
  void oopsAny();

  @Command(data = long.class)
  void oopsInt();
}
