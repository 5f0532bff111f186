// A union branch must be named after a value of the discriminator's enum.
package cases.union.invalid.branch.key;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-invalid-branch-key")
public interface Api {
  enum TestEnum { VALUE1, VALUE2 }

  record TestBase(TestEnum type) {}

  record TestTypeA(String string) {}

  @Union(discriminator = "type")
  sealed interface TestUnion {
    @Name("value_wrong")
    record Wrong(TestBase base, TestTypeA data) implements TestUnion {}

    record Value1(TestBase base, TestTypeA data) implements TestUnion {}

    record Rest(TestBase base) implements TestUnion {}
  }

  @Command
  void set(TestUnion u1);
}
