// A boxed event needs its data: the one parameter whose members are the event's.
package cases.event.boxed.empty;

import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Schema;

@Schema(value = "event-boxed-empty", events = Api.Events.class)
public interface Api {
  record Data(long x) {}

  interface Events {
    @Event(boxed = true)
    void foo();

    @Event(boxed = true)
    void bar(Data one, Data two);
  }
}
