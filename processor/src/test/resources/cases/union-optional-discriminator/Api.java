// The discriminator must not be optional.
package cases.union.optional.discriminator;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-optional-discriminator")
public interface Api {
  enum Enum1 { ONE, TWO }

  record Base1(@Name("switch") @Optional Enum1 sw) {}

  record Branch1(String name) {}

  @Union(discriminator = "switch")
  sealed interface Union1 {
    record One(Base1 base, Branch1 data) implements Union1 {}

    record Others(Base1 base) implements Union1 {}
  }

  @Command
  void set(Union1 u1);
}
