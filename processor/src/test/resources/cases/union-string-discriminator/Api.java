// The discriminator must be an enum member of the base.
package cases.union.string.discriminator;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-string-discriminator")
public interface Api {
  record TestBase(String kind, String name) {}

  record TestTypeA(String string) {}

  @Union(discriminator = "kind")
  sealed interface TestUnion {
    record Value1(TestBase base, TestTypeA data) implements TestUnion {}
  }

  @Command
  void set(TestUnion u1);
}
