// A derived name in QEMU's reserved 'q_' namespace: the error says how to choose another.
package cases.reserved.command.q;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("reserved-command-q")
public interface Api {
  @Command
  void qUnix();
}
