// An alternate has no base: @Base has no place in its branch records.
package cases.alternate.base;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("alternate-base")
public interface Api {
  record Base1(String string) {}

  @Alternate
  sealed interface Alt {
    record One(@Base Base1 value) implements Alt {}

    record Two(long value) implements Alt {}
  }

  @Command
  void use(Alt alt);
}
