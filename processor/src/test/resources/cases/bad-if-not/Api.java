// An empty symbol is not a condition.
package cases.bad.iff.not;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Schema;

@Schema("bad-if-not")
public interface Api {
  @If(not = "")
  record Foo(@If("") long x) {}

  @Command
  void use(Foo foo);
}
