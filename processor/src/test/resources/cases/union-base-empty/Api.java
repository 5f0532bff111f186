// A base without members has no discriminator to offer.
package cases.union.base.empty;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-base-empty")
public interface Api {
  record Empty() {}

  record TestTypeA(String string) {}

  @Union(discriminator = "type")
  sealed interface TestUnion {
    record Value1(Empty base, TestTypeA data) implements TestUnion {}
  }

  @Command
  void use(TestUnion union);
}
