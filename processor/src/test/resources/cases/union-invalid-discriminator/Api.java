// The discriminator must name a member of the base.
package cases.union.invalid.discriminator;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-invalid-discriminator")
public interface Api {
  enum TestEnum { VALUE1, VALUE2 }

  record TestBase(TestEnum enum1) {}

  record TestTypeA(String string) {}

  @Union(
      discriminator = "enum_wrong")
  sealed interface TestUnion {
    record Value1(TestBase base, TestTypeA data) implements TestUnion {}

    record Others(TestBase base) implements TestUnion {}
  }

  @Command
  void set(TestUnion u1);
}
