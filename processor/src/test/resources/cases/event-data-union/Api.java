// An event's 'data' names a union only when boxed; a named struct's members are its parameters.
package cases.event.data.union;

import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema(value = "event-data-union", events = Api.Events.class)
public interface Api {
  enum Kind { ONE }

  record Base(Kind type) {}

  record Text(String text) {}

  @Union(discriminator = "type")
  sealed interface Uni {
    record One(Base base, Text data) implements Uni {}
  }

  interface Events {
    @Event(data = Uni.class)
    void oops(Kind type, String text);

    @Event(data = String.class)
    void oopsString(String text);
  }
}
