package org.qapi4j.runtime.server;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * QEMU's event rate limiting ({@code monitor_qapi_event_queue}): the first event of a kind (and
 * key) goes out at once and opens a period; events emitted during the period replace each other,
 * and the last one goes out when the period ends, opening a new period. A period that ends with
 * nothing pending closes the throttle. Each event keeps the timestamp of its emission.
 */
public final class EventThrottle {
  /** Runs a task after a delay; the server's is a timer thread, tests drive their own. */
  @FunctionalInterface
  public interface Scheduler {
    void schedule(Runnable task, long delayMillis);
  }

  private record Key(String event, String key) {}

  private final Consumer<byte[]> send;
  private final Scheduler scheduler;
  /** Open periods, with the event waiting for the end of each (null if none). */
  private final Map<Key, byte[]> open = new HashMap<>(); // guarded by this

  public EventThrottle(Consumer<byte[]> send, Scheduler scheduler) {
    this.send = send;
    this.scheduler = scheduler;
  }

  /** An event (already serialised, with its timestamp) subject to a rate limit. */
  public void offer(String event, String key, long periodMillis, byte[] message) {
    Key k = new Key(event, key);
    synchronized (this) {
      if (open.containsKey(k)) {
        open.put(k, message); // collapsed: the last one wins
        return;
      }
      open.put(k, null);
      send.accept(message);
    }
    scheduler.schedule(() -> periodEnds(k, periodMillis), periodMillis);
  }

  private void periodEnds(Key k, long periodMillis) {
    synchronized (this) {
      byte[] pending = open.get(k);
      if (pending == null) {
        open.remove(k);
        return;
      }
      open.put(k, null);
      send.accept(pending);
    }
    scheduler.schedule(() -> periodEnds(k, periodMillis), periodMillis);
  }
}
