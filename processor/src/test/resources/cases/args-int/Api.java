// A boxed command's argument is a struct or a union: not a built-in, an enum or an alternate.
package cases.args.integer;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("args-int")
public interface Api {
  enum Color { RED }

  @Alternate
  sealed interface Alt {
    record N(long value) implements Alt {}

    record B(boolean value) implements Alt {}
  }

  @Command(boxed = true)
  void oops(long arg);

  @Command(boxed = true)
  void oopsString(String arg);

  @Command(boxed = true)
  void oopsEnum(Color arg);

  @Command(boxed = true)
  void oopsAlternate(Alt arg);
}
