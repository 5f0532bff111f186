// An enum with the value 'on' cannot stand beside a bool: 'on' parses as both.
package cases.alternate.conflict.enums.bool;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("alternate-conflict-enum-bool")
public interface Api {
  enum Switch { ON, OFF }

  @Alternate
  sealed interface Alt1 {
    record One(Switch value) implements Alt1 {}

    record Two(boolean value) implements Alt1 {}
  }

  @Command
  void set(Alt1 alt);
}
