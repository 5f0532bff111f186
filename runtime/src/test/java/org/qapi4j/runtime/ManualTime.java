package org.qapi4j.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import org.qapi4j.runtime.server.EventThrottle;

/**
 * A clock and timer that move only when the test says ({@link #advance}); timers due run on the
 * test's thread, in order. Each reading of the clock can also tick it by a fixed step, so that
 * every event gets a timestamp of its own.
 */
final class ManualTime extends Clock implements EventThrottle.Scheduler {
  private record Timer(long atMicros, long seq, Runnable task) {}

  private final PriorityQueue<Timer> timers =
      new PriorityQueue<>((a, b) -> a.atMicros != b.atMicros ? Long.compare(a.atMicros, b.atMicros) : Long.compare(a.seq, b.seq));
  private final long tickMicros;
  private long nowMicros; // guarded by this
  private long seq; // guarded by this

  /** Starts at {@code startSeconds} (epoch); each reading moves the clock by {@code tickMicros}. */
  ManualTime(long startSeconds, long tickMicros) {
    this.nowMicros = startSeconds * 1_000_000L;
    this.tickMicros = tickMicros;
  }

  @Override
  public synchronized Instant instant() {
    long t = nowMicros;
    nowMicros += tickMicros;
    return Instant.ofEpochSecond(t / 1_000_000L, (t % 1_000_000L) * 1000);
  }

  @Override
  public synchronized void schedule(Runnable task, long delayMillis) {
    timers.add(new Timer(nowMicros + delayMillis * 1000, seq++, task));
  }

  /** Moves the clock, running the timers that fall due on the way. */
  void advance(long millis) {
    long until;
    synchronized (this) {
      until = nowMicros + millis * 1000;
    }
    while (true) {
      Timer t;
      synchronized (this) {
        if (timers.isEmpty() || timers.peek().atMicros > until) {
          nowMicros = until;
          return;
        }
        t = timers.poll();
        nowMicros = t.atMicros;
      }
      t.task.run();
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
