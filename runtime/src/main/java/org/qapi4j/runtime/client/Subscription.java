package org.qapi4j.runtime.client;

/** A listener's subscription to events; {@link #close()} cancels it. */
public interface Subscription extends AutoCloseable {
  /**
   * How many events were dropped because the listener's queue was full (the oldest queued event
   * is dropped to make room for the newest).
   */
  long dropped();

  /** How many events wait in the queue. */
  int queued();

  /** Stops delivery; events still queued are not delivered. Idempotent. */
  @Override
  void close();
}
