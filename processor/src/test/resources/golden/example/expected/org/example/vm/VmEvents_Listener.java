package org.example.vm;

import java.util.Set;
import javax.annotation.processing.Generated;
import org.qapi4j.runtime.client.ReceivedEvent;
import org.qapi4j.runtime.client.TypedEvents;
import org.qapi4j.runtime.marshal.ObjectType;
import tools.jackson.core.JsonParser;

/**
 * Receives the events of {@link VmEvents}: override the methods of the events wanted, and
 * give the listener to {@code qmpClient.listen(VmEvents.class, listener)}. The methods here do
 * nothing.
 */
@Generated(
    value = "org.qapi4j.processor.Qapi4jProcessor",
    comments = "from QAPI schema 'example'"
)
@SuppressWarnings({"deprecation", "unchecked"})
public class VmEvents_Listener implements VmEvents {
  private static final ObjectType BALLOON_CHANGE = new ObjectType(VmCommands_Marshal.TYPES, "BALLOON_CHANGE", "actual:int/P", "0");

  /**
   * The events of {@link VmEvents}, read and delivered: what {@code QmpClient.listen} uses.
   */
  public static final TypedEvents<VmEvents> EVENTS = new TypedEvents<VmEvents>() {
    private final Set<String> names = Set.of("STOP", "BALLOON_CHANGE");

    @Override
    public Set<String> names() {
      return names;
    }

    @Override
    public void deliver(ReceivedEvent event, VmEvents listener) {
      switch (event.name()) {
        case "STOP" -> listener.stop();
        case "BALLOON_CHANGE" -> {
          Object[] a;
          try (JsonParser p = event.membersParser()) {
            a = BALLOON_CHANGE.read(p, null);
          }
          listener.balloonChange((long) a[0]);
        }
        default -> {
        }
      }
    }
  };

  /**
   * Event {@code STOP}; does nothing.
   */
  @Override
  public void stop() {
  }

  /**
   * Event {@code BALLOON_CHANGE}; does nothing.
   */
  @Override
  public void balloonChange(long actual) {
  }
}
