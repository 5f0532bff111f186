// An event has no result: its method returns void.
package cases.event.returns;

import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Schema;

@Schema(value = "event-returns", events = Api.Events.class)
public interface Api {
  interface Events {
    @Event
    long foo(long x);
  }
}
