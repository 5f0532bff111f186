// A boxed event's data is a struct or a union, not a built-in type.
package cases.event.boxed.integer;

import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Schema;

@Schema(value = "event-boxed-int", events = Api.Events.class)
public interface Api {
  interface Events {
    @Event(boxed = true)
    void foo(long data);
  }
}
