// A union needs its discriminator: javac itself rejects @Union without one.
package cases.union.base.no.discriminator;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-base-no-discriminator")
public interface Api {
  enum TestEnum { VALUE1, VALUE2 }

  record Base(TestEnum type) {}

  @Union
  sealed interface TestUnion {
    record Others(Base base) implements TestUnion {}
  }

  @Command
  void use(TestUnion union);
}
