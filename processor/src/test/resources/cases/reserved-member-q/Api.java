// A member whose derived name falls in QEMU's reserved 'q_' namespace.
package cases.reserved.member.q;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("reserved-member-q")
public interface Api {
  record Foo(String unix, String qUnix) {}

  @Command
  void use(Foo foo);
}
