package org.qapi4j.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * When a session's input is read again after its output reached the bound: only once the client
 * has taken half of it, so that input is then read many requests at a time. Resumed as soon as the
 * output fell below the bound, a session would read one request per reply taken, in lockstep.
 */
class BackPressureTest {
  /** A session whose output is counted and never written. */
  private static final class Unwritten extends Session {
    Unwritten(ServerLimits limits) {
      super(new Dispatcher(new MainLoop(), List.of(), null), limits, new AtomicLong());
    }

    /** Whether input may be read with this many bytes waiting. */
    boolean readsWith(long waiting) {
      outputBytes.set(waiting);
      return mayRead();
    }

    @Override
    public void send(byte[] message) {}

    @Override
    protected void resumeInput() {}

    @Override
    public void close() {
      markClosed();
    }
  }

  @Test
  void inputPausesAtTheBoundAndResumesAtHalfOfIt() {
    Unwritten s = new Unwritten(ServerLimits.DEFAULT.withOutput(4000, 1000));
    assertEquals(true, s.readsWith(0));
    assertEquals(true, s.readsWith(999));
    assertEquals(false, s.readsWith(1000)); // the bound: paused
    assertEquals(false, s.readsWith(999)); // below it, but not drained enough
    assertEquals(false, s.readsWith(501));
    assertEquals(true, s.readsWith(500)); // half of it: read again
    assertEquals(true, s.readsWith(999)); // and read on up to the bound
    assertEquals(false, s.readsWith(1200));
    assertEquals(false, s.readsWith(700));
    assertEquals(true, s.readsWith(0));
  }
}
