package example;

import org.qapi4j.annotations.Event;

/** The VM's events. */
public interface VmEvents {
  /** Emitted when the VM stops. */
  @Event
  void stop();
}
