package org.qapi4j.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/** QEMU's rate limiting, on a clock the test moves by hand. */
class EventThrottleTest {
  /** A scheduler whose time moves only when the test says. */
  private static final class ManualTime implements EventThrottle.Scheduler {
    private record Timer(long at, long seq, Runnable task) {}

    private final PriorityQueue<Timer> timers =
        new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    @Override
    public void schedule(Runnable task, long delayMillis) {
      timers.add(new Timer(now + delayMillis, seq++, task));
    }

    void advance(long millis) {
      long until = now + millis;
      while (!timers.isEmpty() && timers.peek().at <= until) {
        Timer t = timers.poll();
        now = t.at;
        t.task.run();
      }
      now = until;
    }
  }

  private final List<String> sent = new ArrayList<>();
  private final ManualTime time = new ManualTime();
  private final EventThrottle throttle = new EventThrottle(m -> sent.add(new String(m)), time);

  private void emit(String event, String key, String data) {
    throttle.offer(event, key, 1000, (event + ":" + data).getBytes());
  }

  @Test
  void firstAtOnceThenTheLastOfEachSecond() {
    emit("BALLOON_CHANGE", null, "1");
    assertEquals(List.of("BALLOON_CHANGE:1"), sent);
    emit("BALLOON_CHANGE", null, "2");
    emit("BALLOON_CHANGE", null, "3");
    time.advance(999);
    assertEquals(List.of("BALLOON_CHANGE:1"), sent); // still in the period
    time.advance(1);
    assertEquals(List.of("BALLOON_CHANGE:1", "BALLOON_CHANGE:3"), sent); // the last, at its end
    emit("BALLOON_CHANGE", null, "4"); // a new period opened with 3
    time.advance(1000);
    assertEquals(List.of("BALLOON_CHANGE:1", "BALLOON_CHANGE:3", "BALLOON_CHANGE:4"), sent);
    time.advance(1000); // a period with nothing pending closes the throttle
    emit("BALLOON_CHANGE", null, "5");
    assertEquals("BALLOON_CHANGE:5", sent.get(sent.size() - 1));
  }

  @Test
  void keysAreThrottledApart() {
    emit("VSERPORT_CHANGE", "a", "open");
    emit("VSERPORT_CHANGE", "b", "open");
    emit("VSERPORT_CHANGE", "a", "closed");
    assertEquals(List.of("VSERPORT_CHANGE:open", "VSERPORT_CHANGE:open"), sent);
    time.advance(1000);
    assertEquals(List.of("VSERPORT_CHANGE:open", "VSERPORT_CHANGE:open", "VSERPORT_CHANGE:closed"), sent);
  }
}
