// The discriminator must not be conditional.
package cases.union.invalid.iff.discriminator;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-invalid-if-discriminator")
public interface Api {
  enum TestEnum { VALUE1, VALUE2 }

  record TestBase(@If("FOO") TestEnum enum1) {}

  record TestTypeA(String string) {}

  @Union(discriminator = "enum1")
  sealed interface TestUnion {
    record Value1(TestBase base, TestTypeA data) implements TestUnion {}

    record Others(TestBase base) implements TestUnion {}
  }

  @Command
  void use(TestUnion union);
}
