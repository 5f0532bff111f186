// The special features belong to commands, events, members and enum values, not to types:
// deprecate the members or values instead.
package cases.features.deprecated.type;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.Schema;

@Schema("features-deprecated-type")
public interface Api {
  @Deprecated
  record Struct1(long x) {}

  @Feature("unstable")
  enum Enum1 { ONE }

  @Feature("deprecated")
  @Alternate
  sealed interface Alt {
    record Flag(boolean value) implements Alt {}

    record Num(long value) implements Alt {}
  }

  @Command
  void use(Struct1 s, Enum1 e, Alt a);
}
