package org.qapi4j.runtime.client;

/**
 * Receives events, one at a time and in arrival order, on the executor it was subscribed with (see
 * {@link QmpClient#subscribe}). A listener may be slow: it has its own bounded queue, so it delays
 * neither replies nor other listeners.
 */
@FunctionalInterface
public interface EventListener {
  void event(ReceivedEvent event);

  /**
   * The end of the stream: the connection is gone (or the client was closed), after the last event
   * was delivered. Not called when the subscription is cancelled.
   */
  default void end(QmpConnectionException cause) {}
}
