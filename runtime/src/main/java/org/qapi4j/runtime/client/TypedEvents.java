package org.qapi4j.runtime.client;

import java.util.Set;

/**
 * For generated code: the events of one events interface {@code E}, read from what the server
 * sent and delivered to an implementation of {@code E}. The processor generates one for each
 * events interface, as {@code E_Listener.EVENTS}; {@link QmpClient#listen} finds it.
 */
public interface TypedEvents<E> {
  /** The wire names of the events, those of this configuration. */
  Set<String> names();

  /**
   * Reads the event's data (tolerantly: members and enum values the schema lacks are let through)
   * and calls the listener's method for it.
   *
   * @throws RuntimeException if the data does not fit the schema, which {@link QmpClient#listen}
   *     logs and counts instead of delivering
   */
  void deliver(ReceivedEvent event, E listener);
}
