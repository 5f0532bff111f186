package org.qapi4j.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.json.JsonValue;
import tools.jackson.core.JsonToken;

/** The client against scripted servers that misbehave as real ones sometimes do. */
@Timeout(60)
@SuppressWarnings("try") // clients are closed inside their try, before the server's script may end
class FakeServerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  /** A stopped QEMU: accepts (the kernel does) but never writes. Connecting must not hang. */
  @Test
  void silentServerConnectTimesOut() throws Exception {
    CountDownLatch end = new CountDownLatch(1);
    try (FakeServer s = new FakeServer(dir, c -> end.await())) {
      long t0 = System.nanoTime();
      QmpTimeoutException e = assertThrows(QmpTimeoutException.class,
          () -> QmpClient.connect(s.address(), Duration.ofMillis(300)));
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals("no greeting from " + s.address() + " within PT0.3S", e.getMessage());
      assertEquals(Duration.ofMillis(300), e.timeout());
      assertTrue(ms >= 300 && ms < 5_000, "took " + ms + " ms");
      end.countDown();
      s.finish();
    }
  }

  @Test
  void silentServerConnectAsyncTimesOut() throws Exception {
    CountDownLatch end = new CountDownLatch(1);
    try (FakeServer s = new FakeServer(dir, c -> {
      c.send(FakeServer.GREETING);
      c.readRequest(); // qmp_capabilities, never answered
      end.await();
    })) {
      CompletableFuture<QmpClient> f = QmpClient.connectAsync(s.address(),
          QmpClient.Options.builder().timeout(Duration.ofMillis(200)).build());
      ExecutionException x = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
      assertInstanceOf(QmpTimeoutException.class, x.getCause());
      assertEquals("no reply to qmp_capabilities from " + s.address() + " within PT0.2S", x.getCause().getMessage());
      end.countDown();
      s.finish();
    }
  }

  @Test
  void noServer() {
    QmpConnectionException e = assertThrows(QmpConnectionException.class,
        () -> QmpClient.connect(java.net.UnixDomainSocketAddress.of(dir.resolve("none.sock")), WAIT));
    assertTrue(e.getMessage().startsWith("cannot connect to " + dir.resolve("none.sock")), e.getMessage());
  }

  @Test
  void negotiationRefused() throws Exception {
    try (FakeServer s = new FakeServer(dir, c -> {
      c.send(FakeServer.GREETING);
      long id = FakeServer.Conn.id(c.readRequest());
      c.send("{\"error\": {\"class\": \"GenericError\", \"desc\": \"no\"}, \"id\": " + id + "}");
      c.readLine(); // until the client hangs up
    })) {
      QmpConnectionException e = assertThrows(QmpConnectionException.class, () -> QmpClient.connect(s.address(), WAIT));
      assertEquals("capabilities negotiation with " + s.address() + " failed: GenericError: no", e.getMessage());
      assertInstanceOf(QmpException.class, e.getCause());
      s.finish();
    }
  }

  /**
   * QEMU 7.2 as it starts: RESUME can reach a client before the greeting (seen with the real QEMU
   * in a full build). The client connects all the same, and the event is an event.
   */
  @Test
  void anEventBeforeTheGreetingIsNoError() throws Exception {
    try (FakeServer s = new FakeServer(dir, c -> {
      c.send("{\"timestamp\": {\"seconds\": 1796474773, \"microseconds\": 665002}, \"event\": \"RESUME\"}");
      c.handshake();
      long id = FakeServer.Conn.id(c.readRequest());
      c.send("{\"return\": {\"n\": 1}, \"id\": " + id + "}");
      c.readLine();
    }); QmpClient client = QmpClient.connect(s.address(), WAIT)) {
      assertEquals(7, client.greeting().major());
      assertEquals("{\"n\": 1}", Json.toText(client.execute("next")));
      client.close();
      s.finish();
    }
  }

  /** The reply to a call that timed out comes late: dropped; the next call gets its own reply. */
  @Test
  void lateReplyIsDroppedNotHandedToTheNextCaller() throws Exception {
    CountDownLatch timedOut = new CountDownLatch(1);
    try (FakeServer s = new FakeServer(dir, c -> {
      c.handshake();
      long first = FakeServer.Conn.id(c.readRequest());
      timedOut.await();
      c.send("{\"return\": {\"n\": 1}, \"id\": " + first + "}");
      long second = FakeServer.Conn.id(c.readRequest());
      c.send("{\"return\": {\"n\": 2}, \"id\": " + second + "}");
      c.readLine();
    }); QmpClient client = QmpClient.connect(s.address(), WAIT)) {
      QmpTimeoutException e = assertThrows(QmpTimeoutException.class,
          () -> client.execute("slow", null, CallOptions.withTimeout(Duration.ofMillis(100))));
      assertEquals("no reply to slow within PT0.1S", e.getMessage());
      assertEquals(0, client.pendingCalls());
      timedOut.countDown();
      assertEquals("{\"n\": 2}", Json.toText(client.execute("next")));
      assertEquals(1, client.unmatchedReplies());
      assertTrue(client.isOpen());
      client.close();
      s.finish();
    }
  }

  /** The same with asynchronous calls: the deadline comes from the shared timer. */
  @Test
  void asyncCallTimesOut() throws Exception {
    CountDownLatch timedOut = new CountDownLatch(1);
    try (FakeServer s = new FakeServer(dir, c -> {
      c.handshake();
      long first = FakeServer.Conn.id(c.readRequest());
      timedOut.await();
      c.send("{\"return\": 1, \"id\": " + first + "}");
      long second = FakeServer.Conn.id(c.readRequest());
      c.send("{\"return\": 2, \"id\": " + second + "}");
      c.readLine();
    }); QmpClient client = QmpClient.connect(s.address(), WAIT)) {
      CompletableFuture<JsonValue> f = client.executeAsync("slow", null, CallOptions.withTimeout(Duration.ofMillis(100)));
      ExecutionException x = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
      assertInstanceOf(QmpTimeoutException.class, x.getCause());
      timedOut.countDown();
      assertEquals("2", Json.toText(client.executeAsync("next", null).get(10, TimeUnit.SECONDS)));
      assertEquals(1, client.unmatchedReplies());
      client.close();
      s.finish();
    }
  }

  /** The server hangs up with three calls pending: all fail, listeners are told, later calls fail at once. */
  @Test
  void serverClosesMidCall() throws Exception {
    CountDownLatch threeRead = new CountDownLatch(1);
    try (FakeServer s = new FakeServer(dir, c -> {
      c.handshake();
      c.readRequest();
      c.readRequest();
      c.readRequest();
      threeRead.countDown();
      c.channel.close();
    }); QmpClient client = QmpClient.connect(s.address(), WAIT)) {
      CompletableFuture<QmpConnectionException> told = new CompletableFuture<>();
      client.onClose(told::complete);
      CompletableFuture<QmpConnectionException> streamEnded = new CompletableFuture<>();
      client.subscribe(new EventListener() {
        @Override
        public void event(ReceivedEvent event) {}

        @Override
        public void end(QmpConnectionException cause) {
          streamEnded.complete(cause);
        }
      });
      CompletableFuture<Throwable> blocking = new CompletableFuture<>();
      CompletableFuture<JsonValue> a = client.executeAsync("a", null);
      CompletableFuture<JsonValue> b = client.executeAsync("b", null);
      Thread t = new Thread(() -> {
        try {
          client.execute("c");
          blocking.complete(null);
        } catch (Throwable e) {
          blocking.complete(e);
        }
      });
      t.start();
      assertTrue(threeRead.await(10, TimeUnit.SECONDS));
      String text = "the server at " + s.address() + " closed the connection";
      for (CompletableFuture<JsonValue> f : List.of(a, b)) {
        ExecutionException x = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertInstanceOf(QmpConnectionException.class, x.getCause());
        assertEquals(text, x.getCause().getMessage());
      }
      Throwable e = blocking.get(10, TimeUnit.SECONDS);
      assertInstanceOf(QmpConnectionException.class, e);
      assertEquals(text, e.getMessage());
      assertEquals(text, told.get(10, TimeUnit.SECONDS).getMessage());
      assertEquals(text, streamEnded.get(10, TimeUnit.SECONDS).getMessage());
      assertFalse(client.isOpen());
      assertEquals(0, client.pendingCalls());
      assertEquals(text, assertThrows(QmpConnectionException.class, () -> client.execute("d")).getMessage());
      s.finish();
    }
  }

  /** Replies that match no call (foreign id, no id) are dropped; the call gets its own. */
  @Test
  void repliesWithUnknownIdsAreDropped() throws Exception {
    try (FakeServer s = new FakeServer(dir, c -> {
      c.handshake();
      long id = FakeServer.Conn.id(c.readRequest());
      c.send("{\"return\": {\"wrong\": 1}, \"id\": 999999}");
      c.send("{\"return\": {\"wrong\": 2}}");
      c.send("{\"error\": {\"class\": \"GenericError\", \"desc\": \"wrong\"}, \"id\": \"theirs\"}");
      c.send("{\"return\": {\"wrong\": 3}, \"id\": " + (id + 1000) + "}");
      c.send("{\"return\": {\"right\": true}, \"id\": " + id + "}");
      c.readLine();
    }); QmpClient client = QmpClient.connect(s.address(), WAIT)) {
      assertEquals("{\"right\": true}", Json.toText(client.execute("x")));
      assertEquals(4, client.unmatchedReplies());
      client.close();
      s.finish();
    }
  }

  /** Without success response the call ends once written; an error reply to it is dropped. */
  @Test
  void callWithoutSuccessResponse() throws Exception {
    CompletableFuture<String> quiet = new CompletableFuture<>();
    try (FakeServer s = new FakeServer(dir, c -> {
      c.handshake();
      String line = c.readLine();
      quiet.complete(line);
      c.send("{\"error\": {\"class\": \"GenericError\", \"desc\": \"late\"}, \"id\": "
          + FakeServer.Conn.id(Json.parse(line)) + "}");
      long id = FakeServer.Conn.id(c.readRequest());
      c.send("{\"return\": {}, \"id\": " + id + "}");
      c.readLine();
    }); QmpClient client = QmpClient.connect(s.address(), WAIT)) {
      assertEquals(null, client.execute("quiet", Map.of("a", 1), CallOptions.DEFAULT.successResponse(false)));
      assertEquals("{\"execute\": \"quiet\", \"arguments\": {\"a\": 1}, \"id\": 2}", quiet.get(10, TimeUnit.SECONDS));
      assertEquals("{}", Json.toText(client.execute("next")));
      assertEquals(1, client.unmatchedReplies());
      assertEquals(0, client.pendingCalls());
      client.close();
      s.finish();
    }
  }

  /** A 5 MiB reply, written in one go and read in pieces: no line or token limit. */
  @Test
  void fiveMegabyteReply() throws Exception {
    int size = 5 << 20;
    StringBuilder blob = new StringBuilder(size);
    for (int i = 0; i < size; i++) {
      blob.append((char) ('a' + i % 26));
    }
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < 300_000; i++) {
      list.append(i == 0 ? "" : ", ").append(i);
    }
    list.append(']');
    try (FakeServer s = new FakeServer(dir, c -> {
      c.handshake();
      long id = FakeServer.Conn.id(c.readRequest());
      c.send("{\"return\": {\"blob\": \"" + blob + "\", \"list\": " + list + ", \"brace\": \"}{\\\"\"}, \"id\": " + id + "}");
      c.readLine();
    }); QmpClient client = QmpClient.connect(s.address(), WAIT)) {
      JsonValue r = client.execute("big");
      String got = Json.string(Json.member(r, "blob"));
      assertEquals(size, got.length());
      assertEquals(blob.toString(), got);
      List<JsonValue> elements = Json.elements(Json.member(r, "list"));
      assertEquals(300_000, elements.size());
      assertEquals(299_999, Json.int64(elements.get(299_999)));
      assertEquals("}{\"", Json.string(Json.member(r, "brace")));
      client.close();
      s.finish();
    }
  }

  /** 64-bit integers exact both ways: int64 at both ends of its range, uint64 up to 2^64-1. */
  @Test
  void sixtyFourBitIntegersBothWays() throws Exception {
    String numbers = "{\"min\": -9223372036854775808, \"max\": 9223372036854775807, \"umax\": 18446744073709551615}";
    CompletableFuture<String> request = new CompletableFuture<>();
    try (FakeServer s = new FakeServer(dir, c -> {
      c.handshake();
      String line = c.readLine();
      request.complete(line);
      c.send("{\"return\": " + numbers + ", \"id\": " + FakeServer.Conn.id(Json.parse(line)) + "}");
      String typed = c.readLine();
      request.obtrudeValue(typed);
      c.send("{\"return\": " + numbers + ", \"id\": " + FakeServer.Conn.id(Json.parse(typed)) + "}");
      c.readLine();
    }); QmpClient client = QmpClient.connect(s.address(), WAIT)) {
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("min", Long.MIN_VALUE);
      args.put("max", Long.MAX_VALUE);
      args.put("umax", BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
      JsonValue r = client.execute("numbers", args);
      assertEquals("{\"execute\": \"numbers\", \"arguments\": " + numbers + ", \"id\": 2}", request.get());
      assertEquals(Long.MIN_VALUE, Json.int64(Json.member(r, "min")));
      assertEquals(Long.MAX_VALUE, Json.int64(Json.member(r, "max")));
      assertEquals(-1L, Json.uint64(Json.member(r, "umax")));
      assertEquals("18446744073709551615", Long.toUnsignedString(Json.uint64(Json.member(r, "umax"))));
      assertThrows(IllegalArgumentException.class, () -> Json.int64(Json.member(r, "umax")));

      // typed: a generated writer writes a uint64 from its long bits; a reader reads them back
      List<Object> read = client.call("numbers", g -> {
        g.writeStartObject();
        g.writeName("min");
        g.writeNumber(Long.MIN_VALUE);
        g.writeName("max");
        g.writeNumber(Long.MAX_VALUE);
        g.writeName("umax");
        g.writeNumber(Long.toUnsignedString(-1L));
        g.writeEndObject();
      }, p -> {
        List<Object> values = new ArrayList<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          p.nextToken();
          values.add(p.getNumberType() == tools.jackson.core.JsonParser.NumberType.BIG_INTEGER
              ? p.getBigIntegerValue().longValue() : p.getLongValue());
        }
        return values;
      }, CallOptions.DEFAULT);
      assertEquals("{\"execute\": \"numbers\", \"arguments\": " + numbers + ", \"id\": 3}", request.get());
      assertEquals(List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L), read);
      client.close();
      s.finish();
    }
  }
}
