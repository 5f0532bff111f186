// A member named 'u' is reserved (QEMU's C unions use it).
package cases.reserved.member.u;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;

@Schema("reserved-member-u")
public interface Api {
  record Oops(@Optional String u) {}

  @Command
  void use(Oops oops);
}
