// Two events with one wire name, in two events interfaces.
package cases.redefined.event;

import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Schema;

@Schema(value = "redefined-event", events = {Api.First.class, Api.Second.class})
public interface Api {
  interface First {
    @Event
    void eventA();
  }

  interface Second {
    @Event(name = "EVENT_A")
    void eventAAgain(boolean guest);
  }
}
