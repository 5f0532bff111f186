// A union branch is a struct: not a built-in type, an enum or an alternate.
package cases.union.integer.branch;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-int-branch")
public interface Api {
  enum TestEnum { VALUE1, VALUE2 }

  record Base(TestEnum kind) {}

  @Union(discriminator = "kind")
  sealed interface TestUnion {
    record Value1(Base base, long data) implements TestUnion {}

    record Value2(Base base, TestEnum data) implements TestUnion {}
  }

  @Command
  void use(TestUnion union);
}
