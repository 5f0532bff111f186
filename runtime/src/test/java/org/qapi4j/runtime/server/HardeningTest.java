package org.qapi4j.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.CapturedLog;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpEndpoint;
import org.qapi4j.runtime.QmpEvent;
import org.qapi4j.runtime.RawClient;
import org.qapi4j.runtime.ReplyWriter;
import org.qapi4j.runtime.TestArguments;
import tools.jackson.core.JsonParser;

/** The server under hostile or unlucky clients: it never stalls, never loses a reply, stays bounded. */
class HardeningTest {
  private static final String GREETING =
      "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, \"package\": \"test\"}, "
          + "\"capabilities\": [\"oob\"]}}";

  @TempDir Path dir;
  private QmpServer server;

  private static List<QmpCommand> commands() {
    return List.of(
        new QmpCommand("echo-int", HardeningTest::echoInt),
        new QmpCommand("deep", a -> out -> {
          for (int i = 0; i < 2000; i++) {
            out.writeStartArray();
          }
          for (int i = 0; i < 2000; i++) {
            out.writeEndArray();
          }
        }));
  }

  private static ReplyWriter echoInt(JsonParser arguments) {
    long v = TestArguments.int64(arguments, "value");
    return out -> {
      out.writeStartObject();
      out.writeName("value");
      out.writeNumber(v);
      out.writeEndObject();
    };
  }

  private QmpServer start(QmpServer.Builder b) {
    for (QmpCommand c : commands()) {
      b.command(c);
    }
    server = b.version(7, 2, 0, "test").endpoint(QmpEndpoint.unix(dir.resolve("qmp.sock"))).build();
    server.start();
    return server;
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.shutdown();
      server.awaitTermination();
    }
  }

  private RawClient connect() throws IOException {
    RawClient c = RawClient.unix(dir.resolve("qmp.sock"));
    assertEquals(GREETING, c.line());
    return c;
  }

  private RawClient negotiated(boolean oob) throws IOException {
    RawClient c = connect();
    assertEquals("{\"return\": {}}", c.call(oob
        ? "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}"
        : "{\"execute\": \"qmp_capabilities\"}"));
    return c;
  }

  /** Polls a condition the server reaches on its own (no sleep decides anything). */
  private static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private static String echo(int i) {
    return "{\"execute\":\"echo-int\",\"arguments\":{\"value\":" + i + "},\"id\":" + i + "}";
  }

  private static String echoed(int i) {
    return "{\"return\": {\"value\": " + i + "}, \"id\": " + i + "}";
  }

  /**
   * Defect 1: a client pipelines 200,000 requests and reads late. The server stops reading it once
   * its output passes the bound (64 KiB here), holds no more than the bound and the replies in
   * flight, and delivers every reply, in order, once the client reads; nobody is disconnected.
   */
  @Test
  @Timeout(120)
  void aClientThatPipelinesFarAndReadsLateGetsEveryReplyInOrder() throws Exception {
    start(QmpServer.builder().outputLimits(64 << 10, 1 << 20));
    int n = 200_000;
    try (RawClient c = negotiated(true)) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < n; i++) {
        all.append(echo(i));
      }
      Thread writer = new Thread(() -> {
        try {
          c.send(all.toString());
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      writer.start();
      // Step 1: the client reads nothing; the server stops reading it with the bound reached.
      until("the output bound is reached", () -> server.outputWaiting() >= 64 << 10);
      until("the session is no longer read", () -> server.queuedRequests() == 0);
      long held = server.outputWaiting();
      // The bound, plus at most the replies of the requests in flight (8 queued, 64 owed).
      assertTrue(held >= 64 << 10 && held <= (64 << 10) + 72 * echoed(n).length(), held + " bytes held");
      // Step 2: the client reads, every reply in order.
      for (int i = 0; i < n; i++) {
        assertEquals(echoed(i), c.line());
      }
      writer.join();
      assertEquals(1, server.sessionCount());
      assertEquals(0, server.droppedEvents());
    }
  }

  /** A client that reads nothing at all for the stall timeout is disconnected; the others are served. */
  @Test
  @Timeout(60)
  void aClientThatReadsNothingIsDisconnectedAfterTheStallTimeout() throws Exception {
    start(QmpServer.builder().stalledClientTimeout(Duration.ofMillis(300)));
    try (CapturedLog log = new CapturedLog("org.qapi4j.runtime.server.Session"); RawClient stuck = negotiated(false)) {
      String blob = "x".repeat(256 << 10);
      // Events until output waits in the server, well beyond what the socket buffers can take (a
      // little waiting output may still drain into them, and then nothing would be stalled).
      while (server.outputWaiting() < (4 << 20)) {
        server.events().emit(new QmpEvent("BIG", out -> {
          out.writeStartObject();
          out.writeName("blob");
          out.writeString(blob);
          out.writeEndObject();
        }));
      }
      assertTrue(log.first.await(30, TimeUnit.SECONDS));
      LogRecord r = log.records.get(log.records.size() - 1);
      assertEquals(Level.WARNING, r.getLevel());
      assertTrue(r.getMessage().matches(
          "disconnecting a QMP client that has read none of its output for 300 ms: \\d+ bytes wait for it"), r.getMessage());
      while (stuck.line() != null) {
        // what the socket buffers held, then the end of the stream
      }
      until("the session is gone", () -> server.sessionCount() == 0);
      try (RawClient c = negotiated(false)) {
        assertEquals(echoed(1), c.call(echo(1)));
      }
    }
  }

  /** Defect 3: a million-digit id is echoed as QEMU prints it (a double: inf) in linear time. */
  @Test
  @Timeout(20) // BigInteger took 12.5 s for 1 million digits, 85 s for 2 million
  void hugeIdsAreEchoedInLinearTime() throws IOException {
    start(QmpServer.builder());
    try (RawClient c = negotiated(false)) {
      String digits = "1" + "0".repeat(2_000_000);
      assertEquals("{\"return\": {\"value\": 1}, \"id\": inf}",
          c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":1},\"id\":" + digits + "}"));
      assertEquals("{\"return\": {\"value\": 1}, \"id\": -inf}",
          c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":1},\"id\":-" + digits + "}"));
      String fraction = "0." + "3".repeat(1_000_000);
      assertEquals("{\"return\": {\"value\": 1}, \"id\": [0.33333333333333331, -9.2233720368547758e+18, 18446744073709551615]}",
          c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":1},\"id\":[" + fraction
              + ",-9223372036854775809,18446744073709551615]}"));
      // An integer argument of a million digits is refused as QEMU refuses it, as quickly.
      assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"Invalid parameter type for 'value', expected: integer\"}}",
          c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":" + digits + "}}"));
    }
  }

  /**
   * Defect 5: an id nested as deep as the streamer allows (1,024 with the request's own object)
   * is echoed; a reply that cannot be written fails that request alone.
   */
  @Test
  void idsNestedUpToTheLimitAreEchoedAndAnUnwritableReplyFailsItsRequestOnly() throws IOException {
    start(QmpServer.builder());
    try (RawClient c = negotiated(true)) {
      for (int depth : new int[] {499, 500, 501, 1023}) {
        String id = "[".repeat(depth) + "]".repeat(depth);
        assertEquals("{\"return\": {\"value\": 2}, \"id\": " + id + "}",
            c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":2},\"id\":" + id + "}"), "depth " + depth);
      }
      String deepObject = "{\"a\": ".repeat(1023) + "1" + "}".repeat(1023);
      assertEquals("{\"return\": {\"value\": 3}, \"id\": " + deepObject + "}",
          c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":3},\"id\":" + deepObject + "}"));
      // A result nested 2,000 deep cannot be written: an error reply, with the id; the session goes on.
      String id = "[".repeat(1023) + "]".repeat(1023);
      assertEquals("{\"id\": " + id + ", \"error\": {\"class\": \"GenericError\", \"desc\": \"Command 'deep' failed unexpectedly\"}}",
          c.call("{\"execute\":\"deep\",\"id\":" + id + "}"));
      assertEquals(echoed(4), c.call(echo(4)));
    }
  }

  /**
   * Defect 6: over the session bound a client is closed at once and counted; failed accepts back
   * off and are logged once, even by a logger that throws; the server serves again afterwards.
   */
  @Test
  @Timeout(60)
  void theSessionBoundAndFailedAcceptsNeverStopTheServer() throws Exception {
    AtomicInteger failuresLeft = new AtomicInteger();
    AtomicInteger failedCalls = new AtomicInteger();
    CountDownLatch failing = new CountDownLatch(1);
    start(QmpServer.builder().maxSessions(2).acceptor(listener -> {
      if (failuresLeft.get() > 0) {
        failedCalls.incrementAndGet();
        if (failuresLeft.decrementAndGet() == 0) {
          failing.countDown();
        }
        throw new IOException("Too many open files");
      }
      return listener.accept();
    }));
    RawClient a = negotiated(false);
    RawClient b = negotiated(false);
    // The third is over the bound: closed at once, without a greeting.
    try (RawClient refused = RawClient.unix(dir.resolve("qmp.sock"))) {
      assertNull(refused.line());
    }
    assertEquals(1, server.refusedSessions());
    a.close();
    until("a place is free", () -> server.sessionCount() == 1);
    // Descriptors run out: accept fails 5 times, while the logger itself throws.
    try (CapturedLog log = new CapturedLog("org.qapi4j.runtime.QmpServer"); ThrowingHandler broken = new ThrowingHandler()) {
      failuresLeft.set(5);
      RawClient c = RawClient.unix(dir.resolve("qmp.sock"));
      assertTrue(failing.await(30, TimeUnit.SECONDS));
      // Once accept works again the waiting client is served: the I/O thread survived.
      assertEquals(GREETING, c.line());
      assertEquals("{\"return\": {}}", c.call("{\"execute\": \"qmp_capabilities\"}"));
      assertEquals(echoed(6), c.call(echo(6)));
      assertEquals(echoed(7), b.call(echo(7)));
      assertEquals(5, failedCalls.get()); // backed off: not a call per loop turn
      assertEquals(2, log.records.size(), log.records.toString()); // once per episode, and its end
      assertTrue(log.records.get(0).getMessage().startsWith("accept failed; retrying after a pause of 10 ms"));
      assertEquals("accepting QMP clients again after 5 failed attempts", log.records.get(1).getMessage());
      c.close();
    }
    b.close();
  }

  /** A log handler on the server's loggers that throws, as a broken logging setup does. */
  private static final class ThrowingHandler extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("org.qapi4j.runtime");

    ThrowingHandler() {
      logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord r) {
      throw new IllegalStateException("the log is broken");
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }
  }
}
