package org.qapi4j.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.ErrorClass;
import org.qapi4j.runtime.json.JsonValue;
import tools.jackson.core.JsonToken;

/** The client against the project's own server, in process, over a unix socket. */
@Timeout(60)
class ClientServerTest {
  private static final Instant T = Instant.ofEpochSecond(1_700_000_000L, 123_456_000L);
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private ServerFixture fixture;

  @BeforeEach
  void start() {
    fixture = new ServerFixture(dir, Clock.fixed(T, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() throws InterruptedException {
    fixture.close();
  }

  /** Collects traffic; sent and received in one list, in wire order. */
  private static final class Recorder implements TrafficLog {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sent(Instant time, byte[] message) {
      lines.add("-> " + new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void received(Instant time, byte[] message) {
      lines.add("<- " + new String(message, StandardCharsets.UTF_8));
    }
  }

  @Test
  void greetingAndNegotiationWithOob() {
    Recorder log = new Recorder();
    try (QmpClient c = QmpClient.Options.builder().timeout(WAIT).trafficLog(log).connect(fixture.address())) {
      Greeting g = c.greeting();
      assertEquals(new Greeting(7, 2, 1, "test", List.of("oob"),
          "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 1, \"minor\": 2, \"major\": 7}, \"package\": \"test\"}, "
              + "\"capabilities\": [\"oob\"]}}"), g);
      assertEquals("7.2.1", g.version());
      assertTrue(c.oobEnabled());
      assertEquals(List.of(
          "<- " + g.text(),
          "-> {\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}, \"id\": 1}",
          "<- {\"return\": {}, \"id\": 1}"), log.lines);

      assertEquals(Map.of(), ((JsonValue.JsonObject) c.execute("oob-ping", null, CallOptions.DEFAULT.oob(true))).members());
      assertEquals("-> {\"exec-oob\": \"oob-ping\", \"id\": 2}", log.lines.get(3));
      assertEquals("<- {\"return\": {}, \"id\": 2}", log.lines.get(4));
    }
  }

  @Test
  void negotiationWithoutOob() {
    Recorder log = new Recorder();
    try (QmpClient c = QmpClient.Options.builder().timeout(WAIT).oob(false).trafficLog(log).connect(fixture.address())) {
      assertFalse(c.oobEnabled());
      assertEquals(List.of("oob"), c.greeting().capabilities());
      assertEquals("-> {\"execute\": \"qmp_capabilities\", \"id\": 1}", log.lines.get(1));
      // oob asked for but not negotiated: sent in band
      c.execute("oob-ping", null, CallOptions.DEFAULT.oob(true));
      assertEquals("-> {\"execute\": \"oob-ping\", \"id\": 2}", log.lines.get(3));
    }
  }

  @Test
  void untypedCallsBlockingAndAsync() throws Exception {
    try (QmpClient c = QmpClient.connect(fixture.address(), WAIT)) {
      JsonValue r = c.execute("echo-int", Map.of("value", 42));
      assertEquals("{\"value\": 42}", Json.toText(r));
      assertEquals(42, Json.int64(Json.member(r, "value")));
      CompletableFuture<JsonValue> f = c.executeAsync("echo-int", Map.of("value", -7));
      assertEquals(-7, Json.int64(Json.member(f.get(10, TimeUnit.SECONDS), "value")));
      // a command without success response: complete once written, no reply awaited
      assertNull(c.execute("quiet", null, CallOptions.DEFAULT.successResponse(false)));
      assertEquals("{\"value\": 5}", Json.toText(c.execute("echo-int", Map.of("value", 5))));
      assertEquals(0, c.pendingCalls());
      assertEquals(0, c.unmatchedReplies());
    }
  }

  @Test
  void errorReplies() throws Exception {
    try (QmpClient c = QmpClient.connect(fixture.address(), WAIT)) {
      QmpException e = assertThrows(QmpException.class, () -> c.execute("missing"));
      assertEquals("DeviceNotFound", e.errorClass());
      assertEquals(Optional.of(ErrorClass.DeviceNotFound), e.knownErrorClass());
      assertEquals("Device 'nic9' not found", e.getMessage());
      assertEquals("missing", e.command());

      e = assertThrows(QmpException.class, () -> c.execute("no-such-cmd"));
      assertEquals("CommandNotFound", e.errorClass());
      assertEquals("The command no-such-cmd has not been found", e.getMessage());

      e = assertThrows(QmpException.class, () -> c.execute("echo-int", Map.of("value", "x")));
      assertEquals("GenericError", e.errorClass());
      assertEquals("Invalid parameter type for 'value', expected: integer", e.getMessage());

      e = assertThrows(QmpException.class, () -> c.execute("qmp_capabilities"));
      assertEquals("CommandNotFound", e.errorClass());
      assertEquals("Capabilities negotiation is already complete, command ignored", e.getMessage());

      // async: the future fails with the exception itself
      ExecutionException x = assertThrows(ExecutionException.class,
          () -> c.executeAsync("missing", null).get(10, TimeUnit.SECONDS));
      assertInstanceOf(QmpException.class, x.getCause());
      assertEquals("DeviceNotFound", ((QmpException) x.getCause()).errorClass());
      // and the connection goes on
      assertEquals("{\"value\": 1}", Json.toText(c.execute("echo-int", Map.of("value", 1))));
    }
  }

  @Test
  void typedCallsForGeneratedCode() throws Exception {
    try (QmpClient c = QmpClient.connect(fixture.address(), WAIT)) {
      long v = c.call("echo-int", g -> {
        g.writeStartObject();
        g.writeName("value");
        g.writeNumber(Long.MIN_VALUE);
        g.writeEndObject();
      }, p -> {
        assertEquals(JsonToken.START_OBJECT, p.currentToken());
        assertEquals(JsonToken.PROPERTY_NAME, p.nextToken());
        p.nextToken();
        long value = p.getLongValue();
        assertEquals(JsonToken.END_OBJECT, p.nextToken());
        return value;
      }, CallOptions.DEFAULT);
      assertEquals(Long.MIN_VALUE, v);

      CompletableFuture<String> f = c.callAsync("echo-int", g -> Json.write(g, Map.of("value", 3)),
          p -> p.currentToken().name(), CallOptions.withTimeout(WAIT));
      assertEquals("START_OBJECT", f.get(10, TimeUnit.SECONDS));

      // a reader that fails: the path and the raw reply are kept
      QmpDecodeException e = assertThrows(QmpDecodeException.class, () -> c.call("echo-int",
          g -> Json.write(g, Map.of("value", 9)), p -> {
            p.nextToken();
            p.nextToken();
            throw new IllegalStateException("expected a string");
          }, CallOptions.DEFAULT));
      assertEquals("/return/value", e.path());
      assertEquals("{\"return\": {\"value\": 9}, \"id\": 4}", e.rawText());
      assertEquals("cannot read the reply to echo-int: expected a string at /return/value", e.getMessage());
    }
  }

  @Test
  void eventsWithTimestamps() throws Exception {
    try (QmpClient c = QmpClient.connect(fixture.address(), WAIT)) {
      BlockingQueue<ReceivedEvent> all = new LinkedBlockingQueue<>();
      BlockingQueue<ReceivedEvent> ticks = new LinkedBlockingQueue<>();
      c.subscribe(all::add);
      c.subscribe(Set.of("TICK"), ticks::add);
      c.execute("tick", Map.of("value", 11));
      fixture.emit("OTHER", "n", 2);
      ReceivedEvent e = all.poll(10, TimeUnit.SECONDS);
      assertEquals("TICK", e.name());
      assertEquals(T, e.timestamp());
      assertEquals("{\"value\": 11}", Json.toText(e.data()));
      assertEquals(11, Json.int64(e.data("value")));
      assertEquals("{\"timestamp\": {\"seconds\": 1700000000, \"microseconds\": 123456}, \"event\": \"TICK\", "
          + "\"data\": {\"value\": 11}}", e.messageText());
      try (var p = e.dataParser()) {
        assertEquals(JsonToken.START_OBJECT, p.currentToken());
      }
      ReceivedEvent other = all.poll(10, TimeUnit.SECONDS);
      assertEquals("OTHER", other.name());
      assertEquals(2, Json.int64(other.data("n")));
      assertEquals(e, ticks.poll(10, TimeUnit.SECONDS));
      assertTrue(ticks.isEmpty());
    }
  }

  @Test
  void awaitEventAndCommandThenEvent() throws Exception {
    try (QmpClient c = QmpClient.connect(fixture.address(), WAIT)) {
      // the event is emitted while the command runs, before its reply: the waiter was there first
      ReceivedEvent e = c.executeAndAwaitEvent("delete", Map.of("id", "disk1"), "DELETED",
          ev -> "disk1".equals(Json.string(ev.data("device"))), WAIT);
      assertEquals("{\"device\": \"disk1\"}", Json.toText(e.data()));

      CompletableFuture<ReceivedEvent> f = c.awaitEventAsync("TICK", ev -> Json.int64(ev.data("value")) == 3, WAIT);
      c.execute("tick", Map.of("value", 1));
      c.execute("tick", Map.of("value", 3));
      assertEquals(3, Json.int64(f.get(10, TimeUnit.SECONDS).data("value")));

      QmpTimeoutException t = assertThrows(QmpTimeoutException.class,
          () -> c.awaitEvent("NEVER", null, Duration.ofMillis(50)));
      assertEquals("no event NEVER within PT0.05S", t.getMessage());
      ExecutionException x = assertThrows(ExecutionException.class,
          () -> c.awaitEventAsync("NEVER", null, Duration.ofMillis(50)).get(10, TimeUnit.SECONDS));
      assertInstanceOf(QmpTimeoutException.class, x.getCause());
    }
  }

  /** A listener that never returns delays neither replies nor other listeners; its queue drops the oldest. */
  @Test
  void aBlockedListenerDelaysNobody() throws Exception {
    try (QmpClient c = QmpClient.connect(fixture.address(), WAIT)) {
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch fiveSeen = new CountDownLatch(5);
      List<Long> seenBySlow = Collections.synchronizedList(new ArrayList<>());
      Subscription slow = c.subscribe(null, ev -> {
        seenBySlow.add(Json.int64(ev.data("value")));
        fiveSeen.countDown();
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, java.util.concurrent.Executors.newSingleThreadExecutor(), 4);
      BlockingQueue<Long> fast = new LinkedBlockingQueue<>();
      c.subscribe(ev -> fast.add(Json.int64(ev.data("value"))));
      try {
        c.execute("tick", Map.of("value", 0));
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        for (int i = 1; i < 20; i++) {
          assertEquals("{\"value\": " + i + "}", Json.toText(c.execute("echo-int", Map.of("value", i))));
          c.execute("tick", Map.of("value", i));
        }
        for (long i = 0; i < 20; i++) {
          assertEquals(i, fast.poll(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(0L), seenBySlow);
        assertEquals(4, slow.queued());
        assertEquals(15, slow.dropped()); // 19 more events, 4 kept: the newest
      } finally {
        release.countDown();
      }
      // the newest four come once it returns
      assertTrue(fiveSeen.await(10, TimeUnit.SECONDS));
      assertEquals(List.of(0L, 16L, 17L, 18L, 19L), seenBySlow);
    }
  }

  /** 10,000 calls from 8 threads, all in flight at once, every reply to its own caller. */
  @Test
  void tenThousandPipelinedCallsFromEightThreads() throws Exception {
    try (QmpClient c = QmpClient.connect(fixture.address(), Duration.ofSeconds(60))) {
      int threads = 8;
      int perThread = 1250;
      List<Thread> workers = new ArrayList<>();
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      java.util.concurrent.atomic.AtomicInteger matched = new java.util.concurrent.atomic.AtomicInteger();
      CountDownLatch go = new CountDownLatch(1);
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Thread w = new Thread(() -> {
          try {
            go.await();
            List<CompletableFuture<JsonValue>> futures = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
              long value = thread * 1_000_000L + i;
              if (i % 2 == 0) {
                futures.add(c.executeAsync("echo-int", Map.of("value", value)));
              } else {
                futures.add(CompletableFuture.completedFuture(c.execute("echo-int", Map.of("value", value))));
              }
            }
            for (int i = 0; i < perThread; i++) {
              long got = Json.int64(Json.member(futures.get(i).get(60, TimeUnit.SECONDS), "value"));
              if (got != thread * 1_000_000L + i) {
                throw new AssertionError("thread " + thread + " call " + i + " got " + got);
              }
              matched.incrementAndGet();
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        });
        w.start();
        workers.add(w);
      }
      go.countDown();
      for (Thread w : workers) {
        w.join();
      }
      assertEquals(List.of(), failures);
      assertEquals(10_000, matched.get());
      assertEquals(0, c.pendingCalls());
      assertEquals(0, c.unmatchedReplies());
    }
  }

  @Test
  void closeIsIdempotentAndFailsLaterCalls() throws Exception {
    QmpClient c = QmpClient.connect(fixture.address(), WAIT);
    CompletableFuture<QmpConnectionException> told = new CompletableFuture<>();
    c.onClose(told::complete);
    CompletableFuture<QmpConnectionException> ended = new CompletableFuture<>();
    c.subscribe(new EventListener() {
      @Override
      public void event(ReceivedEvent event) {}

      @Override
      public void end(QmpConnectionException cause) {
        ended.complete(cause);
      }
    });
    c.close();
    c.close();
    assertFalse(c.isOpen());
    String text = "the client closed the connection to " + fixture.address();
    assertEquals(text, told.get(10, TimeUnit.SECONDS).getMessage());
    assertEquals(text, ended.get(10, TimeUnit.SECONDS).getMessage());
    QmpConnectionException e = assertThrows(QmpConnectionException.class, () -> c.execute("echo-int"));
    assertEquals(text, e.getMessage());
    ExecutionException x = assertThrows(ExecutionException.class,
        () -> c.executeAsync("echo-int", null).get(10, TimeUnit.SECONDS));
    assertInstanceOf(QmpConnectionException.class, x.getCause());
    // told at once when added late
    CompletableFuture<QmpConnectionException> late = new CompletableFuture<>();
    c.onClose(late::complete);
    assertEquals(text, late.get(10, TimeUnit.SECONDS).getMessage());
  }

  @Test
  void serverShutdownEndsTheConnection() throws Exception {
    QmpClient c = QmpClient.connect(fixture.address(), WAIT);
    CompletableFuture<QmpConnectionException> told = new CompletableFuture<>();
    c.onClose(told::complete);
    fixture.server.disconnect(0);
    assertEquals("the server at " + fixture.address() + " closed the connection",
        told.get(10, TimeUnit.SECONDS).getMessage());
    assertThrows(QmpConnectionException.class, () -> c.execute("echo-int"));
  }

  @Test
  void connectAsync() throws Exception {
    QmpClient c = QmpClient.connectAsync(fixture.address(), QmpClient.Options.DEFAULT).get(10, TimeUnit.SECONDS);
    try (c) {
      assertEquals("7.2.1", c.greeting().version());
      assertEquals("{\"value\": 8}", Json.toText(c.execute("echo-int", Map.of("value", 8))));
    }
  }
}
