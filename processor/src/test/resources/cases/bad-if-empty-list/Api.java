// An empty list of conditions decides nothing: QEMU calls it useless.
package cases.bad.iff.empty.list;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Schema;

@Schema("bad-if-empty-list")
public interface Api {
  @If(all = {})
  record Foo(@If(any = {}) long x) {}

  @Command
  void use(Foo foo);
}
