// Beyond QEMU (whose JSON cannot say it): two variant records with one branch name.
package cases.union.branch.duplicate;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-branch-duplicate")
public interface Api {
  enum TestEnum { VALUE1, VALUE2 }

  record Base(TestEnum type) {}

  record Branch(String string) {}

  @Union(discriminator = "type")
  sealed interface TestUnion {
    record Value1(Base base, Branch data) implements TestUnion {}

    @Name("value1")
    record Again(Base base, Branch data) implements TestUnion {}

    record Others(Base base) implements TestUnion {}
  }

  @Command
  void use(TestUnion union);
}
