// A union's variant records start with the base; a record of nothing has no base to carry the
// discriminator.
package cases.union.no.base;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-no-base")
public interface Api {
  @Union(discriminator = "type")
  sealed interface TestUnion {
    record Value1() implements TestUnion {}
  }

  @Command
  void use(TestUnion union);
}
