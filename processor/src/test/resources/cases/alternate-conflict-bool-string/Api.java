// A str branch parses a boolean too, so it cannot stand beside a bool.
package cases.alternate.conflict.bool.string;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("alternate-conflict-bool-string")
public interface Api {
  @Alternate
  sealed interface Alt {
    record One(boolean value) implements Alt {}

    record Two(String value) implements Alt {}
  }

  @Command
  void use(Alt a);
}
