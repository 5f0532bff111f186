// QEMU's doc-invalid-return: 'Returns' is for commands only; an event returns nothing.
package cases.doc.invalid.ret;

import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Schema;

@Schema(value = "doc-invalid-return", events = Api.Events.class)
public interface Api {
  interface Events {
    /**
     * Happened.
     *
     * @return nothing at all
     */
    @Event
    void happened();
  }
}
