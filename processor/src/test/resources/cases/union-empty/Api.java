// A union whose discriminator enum has no value has no branch.
package cases.union.empty;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-empty")
public interface Api {
  enum Empty {}

  record Base(Empty type) {}

  @Union(discriminator = "type")
  sealed interface MyUnion {
    record Others(Base base) implements MyUnion {}
  }

  @Command
  void use(MyUnion union);
}
