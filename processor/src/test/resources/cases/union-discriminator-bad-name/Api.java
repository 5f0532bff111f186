// The discriminator is a wire name: '*' does not mean optional there.
package cases.union.discriminator.bad.name;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-discriminator-bad-name")
public interface Api {
  enum Enum1 { ONE }

  record Base(@Name("switch") @Optional Enum1 sw) {}

  record Branch(String name) {}

  @Union(discriminator = "*switch")
  sealed interface MyUnion {
    record One(Base base, Branch data) implements MyUnion {}
  }

  @Command
  void use(MyUnion union);
}
