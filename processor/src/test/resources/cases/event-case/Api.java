// Event names are upper case: 'oops' breaks QEMU's event naming rule.
package cases.event.kase;

import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Schema;

@Schema(value = "event-case", events = Api.Events.class)
public interface Api {
  interface Events {
    @Event(name = "oops")
    void oops();
  }
}
