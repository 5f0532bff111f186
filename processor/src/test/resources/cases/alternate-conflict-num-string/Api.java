// A str branch parses a number too, so it cannot stand beside a number; nor can two numbers.
package cases.alternate.conflict.num.string;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Type;

@Schema("alternate-conflict-num-string")
public interface Api {
  @Alternate
  sealed interface Alt {
    record One(double value) implements Alt {}

    record Two(String value) implements Alt {}
  }

  @Alternate
  sealed interface Alt2 {
    record One(double value) implements Alt2 {}

    record Two(@Type("uint8") short value) implements Alt2 {}
  }

  @Command
  void use(Alt a, Alt2 b);
}
