// A branch member whose name breaks the naming rule is reported once, not again as a clash with
// the base member it mangles like.
package cases.union.clash.no.cascade;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-clash-no-cascade")
public interface Api {
  enum TestEnum { VALUE1, VALUE2 }

  record Base(TestEnum kind, String nodeName) {}

  record Branch1(@Name("node_name") String name) {}

  @Union(discriminator = "kind")
  sealed interface TestUnion {
    record Value1(Base base, Branch1 data) implements TestUnion {}

    record Others(Base base) implements TestUnion {}
  }

  @Command
  void use(TestUnion union);
}
