package org.qapi4j.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stdio session's output: written by a thread of its own, so that a sender (an emitter, the
 * main loop) never waits for the reader at the other end; bounded as a socket's is.
 */
class StdioSessionTest {
  private final MainLoop loop = new MainLoop();
  private final Dispatcher dispatcher = new Dispatcher(loop, List.of(), null);
  /** Standard input that never ends, until the test does. */
  private final CountDownLatch end = new CountDownLatch(1);
  private final InputStream silentInput = new InputStream() {
    @Override
    public int read() {
      try {
        end.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return -1;
    }
  };

  @AfterEach
  void stop() {
    end.countDown();
  }

  @Test
  void writesWhatIsSentInOrder() throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CountDownLatch closed = new CountDownLatch(1);
    StdioSession session = new StdioSession(dispatcher, silentInput, out, s -> closed.countDown());
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      String line = "{\"event\": \"E" + i + "\"}\r\n";
      expected.append(line);
      session.send(line.getBytes(StandardCharsets.UTF_8));
    }
    session.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!session.drained() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      Thread.yield();
    }
    assertTrue(session.drained());
    synchronized (out) {
      assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
    }
    assertFalse(session.closed());
  }

  @Test
  void whatWasSentBeforeClosingIsStillWritten() throws InterruptedException {
    // Standard input ends (or the server stops) while replies still wait to be written: they are
    // written, and only then does the session leave the server's list.
    CountDownLatch slow = new CountDownLatch(1);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    OutputStream out = new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        try {
          slow.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        written.write(b, off, len);
      }
    };
    CountDownLatch removed = new CountDownLatch(1);
    StdioSession session = new StdioSession(dispatcher, silentInput, out, s -> removed.countDown());
    session.start();
    session.send("{\"return\": {}}\r\n".getBytes(StandardCharsets.UTF_8));
    session.send("{\"event\": \"SHUTDOWN\"}\r\n".getBytes(StandardCharsets.UTF_8));
    session.close();
    session.send("{\"event\": \"LATE\"}\r\n".getBytes(StandardCharsets.UTF_8)); // after closing: not sent
    assertFalse(session.drained());
    assertEquals(1, removed.getCount()); // still in the server's list, which waits for it to drain
    slow.countDown();
    assertTrue(removed.await(20, TimeUnit.SECONDS));
    assertTrue(session.drained());
    assertEquals("{\"return\": {}}\r\n{\"event\": \"SHUTDOWN\"}\r\n", written.toString(StandardCharsets.UTF_8));
  }

  @Test
  @Timeout(60) // a sender that blocks on the stuck output would hang here
  void eventsForAReaderThatNeverReadsAreBoundedWithoutBlockingTheSender() throws InterruptedException {
    // Standard output whose reader is stuck: every write blocks until the test ends.
    OutputStream stuck = new OutputStream() {
      @Override
      public void write(int b) {
        block();
      }

      @Override
      public void write(byte[] b, int off, int len) {
        block();
      }

      private void block() {
        try {
          end.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    StdioSession session = new StdioSession(dispatcher, silentInput, stuck, s -> { });
    session.start();
    byte[] mebibyte = new byte[1 << 20];
    // 16 MiB may wait (one of them being written, stuck); the 17th and 18th are dropped, counted.
    for (int i = 0; i < 18; i++) {
      session.sendEvent(mebibyte); // returns at once: this thread never writes
    }
    assertEquals(2, session.droppedEvents());
    assertEquals(16L << 20, session.outputWaiting());
    assertTrue(!session.closed());
    session.close();
  }
}
