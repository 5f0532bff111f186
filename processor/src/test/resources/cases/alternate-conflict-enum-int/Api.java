// An enum with a value that looks like a number cannot stand beside a number.
package cases.alternate.conflict.enums.integer;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema("alternate-conflict-enum-int")
public interface Api {
  enum Digits { @Name("1") ONE, @Name("2") TWO, @Name("3") THREE }

  @Alternate
  sealed interface Alt {
    record One(Digits value) implements Alt {}

    record Two(long value) implements Alt {}
  }

  @Command
  void use(Alt a);
}
