// A union's base is a struct, not another union.
package cases.union.base.union;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-base-union")
public interface Api {
  enum TestEnum { VALUE1, VALUE2 }

  record Base(TestEnum type) {}

  record Branch(String string) {}

  @Union(discriminator = "type")
  sealed interface UnionBase {
    record Value1(Base base, Branch data) implements UnionBase {}

    record Others(Base base) implements UnionBase {}
  }

  @Union(discriminator = "type")
  sealed interface TestUnion {
    record Value1(UnionBase base, Branch data) implements TestUnion {}
  }

  @Command
  void use(TestUnion union);
}
