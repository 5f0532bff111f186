// Under docRequired every definition has its Javadoc.
package cases.doc.missing;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Schema;

/** The schema. */
@Schema(value = "doc-missing", docRequired = true, events = Api.Events.class)
public interface Api {
  /** A documented struct. */
  record Documented(long x) {}

  record Undocumented(long x) {}

  /** Documented. */
  @Command
  void documented(Documented d, Undocumented v);

  @Command
  void undocumented();

  /** The events. */
  interface Events {
    @Event
    void stop();
  }
}
