// A struct that is its own base.
package cases.base.cycle.direct;

import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("base-cycle-direct")
public interface Api {
  record Loopy(@Base Loopy base, String name) {}

  @Command
  Loopy get();
}
