// A branch member with the name of a base member.
package cases.union.clash.member;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-clash-member")
public interface Api {
  enum TestEnum { VALUE1, VALUE2 }

  record Base(TestEnum kind, @Optional String name) {}

  record Branch1(long name) {}

  record Branch2(long value) {}

  @Union(discriminator = "kind")
  sealed interface TestUnion {
    record Value1(Base base, Branch1 data) implements TestUnion {}

    record Value2(Base base, Branch2 data) implements TestUnion {}
  }

  @Command
  void use(TestUnion union);
}
