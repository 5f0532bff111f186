// An enum value in QEMU's reserved 'q_' namespace ('q-Unix' is reserved, the match is on 'q_').
package cases.reserved.enums.q;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema(value = "reserved-enum-q", memberNameExceptions = "Foo")
public interface Api {
  enum Foo {
    UNIX,
    @Name("q-Unix") Q_UNIX,
    Q_TCP
  }

  @Command
  void use(Foo foo);
}
