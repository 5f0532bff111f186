// QAPI gives union and alternate branches no features: @Feature and @Deprecated have no place on
// a variant record.
package cases.union.branch.features;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-branch-features")
public interface Api {
  enum TestEnum { VALUE1, VALUE2 }

  record Base(TestEnum type) {}

  record Branch(String string) {}

  @Union(discriminator = "type")
  sealed interface TestUnion {
    @Feature("f")
    record Value1(Base base, Branch data) implements TestUnion {}

    @Deprecated
    record Others(Base base) implements TestUnion {}
  }

  @Alternate
  sealed interface Alt {
    @Feature("unstable")
    record N(long value) implements Alt {}

    record B(boolean value) implements Alt {}
  }

  @Command
  void use(TestUnion union, Alt alt);
}
