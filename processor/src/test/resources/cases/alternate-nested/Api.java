// An alternate branch cannot be another alternate.
package cases.alternate.nested;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("alternate-nested")
public interface Api {
  @Alternate
  sealed interface Alt1 {
    record Name(long value) implements Alt1 {}

    record Enabled(boolean value) implements Alt1 {}
  }

  @Alternate
  sealed interface Alt2 {
    record Nested(Alt1 value) implements Alt2 {}

    record B(long value) implements Alt2 {}
  }

  @Command
  void use(Alt2 a);
}
