// A union branch is a struct, not an array.
package cases.union.array.branch;

import java.util.List;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-array-branch")
public interface Api {
  enum TestEnum { VALUE1, VALUE2 }

  record Base(TestEnum type) {}

  record TestTypeA(String string) {}

  @Union(discriminator = "type")
  sealed interface TestUnion {
    record Value1(Base base, List<TestTypeA> data) implements TestUnion {}

    record Others(Base base) implements TestUnion {}
  }

  @Command
  void use(TestUnion union);
}
