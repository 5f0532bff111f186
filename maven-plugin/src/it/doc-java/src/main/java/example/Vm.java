package example;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

/** The VM's commands. */
@Schema(value = "vm", events = VmEvents.class)
public interface Vm {
  /**
   * Queries the run status.
   *
   * <pre>
   * -&gt; { "execute": "query-status" }
   * &lt;- { "return": { "running": true } }
   * </pre>
   *
   * @return the status, see {@link Status}
   * @since 1.0
   */
  @Command
  Status queryStatus();
}
