package org.qapi4j.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.json.JsonValue;

/** The guest agent mode against scripted agents: the opening, resyncs, order, hanging up. */
@Timeout(60)
@SuppressWarnings("try") // clients are closed inside their try, before the server's script may end
class GuestAgentFakeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String REPLACEMENT = "\uFFFD"; // how the fake's UTF-8 reader shows byte 0xFF

  @TempDir Path dir;

  /** Reads the client's 0xFF and sync request; its id. */
  static long readSync(FakeServer.Conn c) throws Exception {
    String line = c.readLine();
    if (line == null || !line.startsWith(REPLACEMENT)) {
      throw new AssertionError("expected 0xFF and guest-sync-delimited, got " + line);
    }
    JsonValue r = Json.parse(line.substring(1));
    assertEquals("guest-sync-delimited", Json.string(Json.member(r, "execute")));
    assertNull(Json.member(r, "id"));
    long id = Json.int64(Json.member(r, "arguments", "id"));
    assertTrue(id >= 0);
    return id;
  }

  /** What the agent sends for guest-sync-delimited: 0xFF, then the reply. */
  static void sendSyncReply(FakeServer.Conn c, long id) throws Exception {
    c.sendBytes(("\u00FF{\"return\": " + id + "}\n").getBytes(StandardCharsets.ISO_8859_1));
  }

  private static QmpClient connect(FakeServer s, List<String> sent) {
    return QmpClient.Options.builder().guestAgent(true).timeout(WAIT)
        .trafficLog(new TrafficLog() {
          @Override
          public void sent(java.time.Instant time, byte[] message) {
            sent.add(new String(message, StandardCharsets.UTF_8));
          }

          @Override
          public void received(java.time.Instant time, byte[] message) {}
        })
        .connect(s.address());
  }

  /**
   * The opening: no greeting, 0xFF and guest-sync-delimited at once; what precedes the agent's 0xFF
   * (a stale reply, half a message) is skipped, and a reply to an older sync after a 0xFF too.
   */
  @Test
  void opensWithSyncAndSkipsWhatPrecedesTheMarker() throws Exception {
    AtomicLong syncId = new AtomicLong();
    try (FakeServer s = new FakeServer(dir, c -> {
      long id = readSync(c);
      syncId.set(id);
      c.send("{\"return\": {\"stale\": true}, \"id\": 1}");
      c.sendBytes("{\"return\": {\"half\": ".getBytes(StandardCharsets.US_ASCII));
      sendSyncReply(c, id ^ 1); // an older sync's
      c.send("{\"return\": {\"stale\": 2}, \"id\": 1}");
      sendSyncReply(c, id);
      JsonValue ping = c.readRequest();
      assertEquals("guest-ping", Json.string(Json.member(ping, "execute")));
      c.send("{\"return\": {}, \"id\": " + FakeServer.Conn.id(ping) + "}");
      c.readLine();
    })) {
      List<String> sent = new CopyOnWriteArrayList<>();
      try (QmpClient client = connect(s, sent)) {
        assertNull(client.greeting());
        assertFalse(client.oobEnabled());
        assertEquals("{}", Json.toText(client.execute("guest-ping")));
        assertEquals(0, client.unmatchedReplies());
        assertEquals(1, client.syncs());
        assertEquals(List.of(
            "{\"execute\": \"guest-sync-delimited\", \"arguments\": {\"id\": " + syncId.get() + "}}",
            "{\"execute\": \"guest-ping\", \"id\": 1}"), sent);
      }
      s.finish();
    }
  }

  /** An agent that never answers the sync: connecting times out, naming the stage. */
  @Test
  void silentAgentConnectTimesOut() throws Exception {
    try (FakeServer s = new FakeServer(dir, c -> {
      readSync(c);
      c.readLine();
    })) {
      QmpTimeoutException e = assertThrows(QmpTimeoutException.class, () -> QmpClient.connect(s.address(),
          QmpClient.Options.builder().guestAgent(true).timeout(Duration.ofMillis(200)).build()));
      assertEquals("no reply to guest-sync-delimited from " + s.address() + " within PT0.2S", e.getMessage());
    }
  }

  /**
   * A call past its deadline: the client resyncs (a fresh id), skips the late reply before the
   * agent's 0xFF, and the next call, held until the sync is done, gets its own reply.
   */
  @Test
  void timeoutThenResyncThenTheRightReply() throws Exception {
    CountDownLatch timedOut = new CountDownLatch(1);
    List<Long> syncIds = new CopyOnWriteArrayList<>();
    try (FakeServer s = new FakeServer(dir, c -> {
      long first = readSync(c);
      syncIds.add(first);
      sendSyncReply(c, first);
      long slow = FakeServer.Conn.id(c.readRequest());
      timedOut.await();
      long second = readSync(c); // written at the timeout, before the next call
      syncIds.add(second);
      c.send("{\"return\": {\"late\": true}, \"id\": " + slow + "}");
      c.sendBytes("{\"partial".getBytes(StandardCharsets.US_ASCII));
      sendSyncReply(c, second);
      JsonValue next = c.readRequest();
      assertEquals("next", Json.string(Json.member(next, "execute")));
      c.send("{\"return\": {\"n\": 2}, \"id\": " + FakeServer.Conn.id(next) + "}");
      c.readLine();
    })) {
      try (QmpClient client = connect(s, new CopyOnWriteArrayList<>())) {
        QmpTimeoutException e = assertThrows(QmpTimeoutException.class,
            () -> client.execute("slow", null, CallOptions.withTimeout(Duration.ofMillis(100))));
        assertEquals("no reply to slow within PT0.1S", e.getMessage());
        timedOut.countDown();
        assertEquals("{\"n\": 2}", Json.toText(client.execute("next")));
        assertEquals(2, client.syncs());
        assertEquals(0, client.unmatchedReplies()); // the late reply was skipped with the resync
        assertTrue(client.isOpen());
      }
      s.finish();
      assertEquals(2, syncIds.size());
      assertTrue(!syncIds.get(0).equals(syncIds.get(1)), "a fresh id: " + syncIds);
    }
  }

  /**
   * Order: after A times out, the resync waits for B, sent before it (B's reply precedes the
   * agent's 0xFF and must not be skipped); C, made meanwhile, waits for the resync. (The fake
   * answers A before B, as the real agent would not; matching is by id.)
   */
  @Test
  void resyncWaitsForCallsInFlightAndHoldsNewOnes() throws Exception {
    CountDownLatch aTimedOut = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    try (FakeServer s = new FakeServer(dir, c -> {
      sendSyncReply(c, readSync(c));
      long b = FakeServer.Conn.id(c.readRequest());
      long a = FakeServer.Conn.id(c.readRequest());
      aTimedOut.await();
      c.send("{\"return\": \"a\", \"id\": " + a + "}");
      c.send("{\"return\": \"b\", \"id\": " + b + "}");
      long sync = readSync(c);
      order.add("sync");
      sendSyncReply(c, sync);
      JsonValue cc = c.readRequest();
      order.add(Json.string(Json.member(cc, "execute")));
      c.send("{\"return\": \"c\", \"id\": " + FakeServer.Conn.id(cc) + "}");
      c.readLine();
    })) {
      try (QmpClient client = connect(s, new CopyOnWriteArrayList<>())) {
        // B first: in flight whenever A times out, however slow this thread is
        CompletableFuture<JsonValue> b = client.executeAsync("B", null);
        CompletableFuture<JsonValue> a = client.executeAsync("A", null, CallOptions.withTimeout(Duration.ofSeconds(1)));
        ExecutionException x = assertThrows(ExecutionException.class, () -> a.get(10, TimeUnit.SECONDS));
        assertInstanceOf(QmpTimeoutException.class, x.getCause());
        CompletableFuture<JsonValue> cf = client.executeAsync("C", null);
        aTimedOut.countDown();
        assertEquals("\"b\"", Json.toText(b.get(10, TimeUnit.SECONDS)));
        assertEquals("\"c\"", Json.toText(cf.get(10, TimeUnit.SECONDS)));
        assertEquals(1, client.unmatchedReplies()); // A's late reply, before the resync began
        assertEquals(2, client.syncs());
      }
      s.finish();
      assertEquals(List.of("sync", "C"), order);
    }
  }

  /** Calls pipelined: each gets its reply, matched by the id the agent copies. */
  @Test
  void pipelinedCallsInOrder() throws Exception {
    int n = 50;
    try (FakeServer s = new FakeServer(dir, c -> {
      sendSyncReply(c, readSync(c));
      for (int i = 0; i < n; i++) {
        JsonValue r = c.readRequest();
        c.send("{\"return\": " + Json.toText(Json.member(r, "arguments", "i")) + ", \"id\": "
            + FakeServer.Conn.id(r) + "}");
      }
      c.readLine();
    })) {
      try (QmpClient client = connect(s, new CopyOnWriteArrayList<>())) {
        List<CompletableFuture<JsonValue>> fs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
          fs.add(client.executeAsync("echo", java.util.Map.of("i", i)));
        }
        for (int i = 0; i < n; i++) {
          assertEquals(i, Json.int64(fs.get(i).get(10, TimeUnit.SECONDS)));
        }
      }
      s.finish();
    }
  }

  /**
   * guest-shutdown has no success response: the call is done once written, and the agent hanging
   * up afterwards ends the connection quietly; a call still pending then fails.
   */
  @Test
  void eofAfterShutdownIsNotAnError() throws Exception {
    try (FakeServer s = new FakeServer(dir, c -> {
      sendSyncReply(c, readSync(c));
      JsonValue shutdown = c.readRequest();
      assertEquals("guest-shutdown", Json.string(Json.member(shutdown, "execute")));
      assertEquals("powerdown", Json.string(Json.member(shutdown, "arguments", "mode")));
      JsonValue ping = c.readRequest();
      assertEquals("guest-ping", Json.string(Json.member(ping, "execute")));
      c.channel.close(); // the guest went down
    })) {
      try (QmpClient client = connect(s, new CopyOnWriteArrayList<>())) {
        CompletableFuture<QmpConnectionException> closed = new CompletableFuture<>();
        client.onClose(closed::complete);
        assertNull(client.execute("guest-shutdown", java.util.Map.of("mode", "powerdown"),
            CallOptions.DEFAULT.successResponse(false)));
        CompletableFuture<JsonValue> ping = client.executeAsync("guest-ping", null);
        ExecutionException x = assertThrows(ExecutionException.class, () -> ping.get(10, TimeUnit.SECONDS));
        assertInstanceOf(QmpConnectionException.class, x.getCause());
        QmpConnectionException cause = closed.get(10, TimeUnit.SECONDS);
        assertEquals("the guest agent at " + s.address() + " closed the connection after guest-shutdown, as it does",
            cause.getMessage());
        assertFalse(client.isOpen());
        assertThrows(QmpConnectionException.class, () -> client.execute("guest-ping"));
      }
      s.finish();
    }
  }

  /** resync() is the guest agent's; a QMP client refuses it. */
  @Test
  void resyncIsForGuestAgents() throws Exception {
    try (FakeServer s = new FakeServer(dir, c -> {
      c.handshake();
      c.readLine();
    }); QmpClient client = QmpClient.connect(s.address(), WAIT)) {
      assertThrows(IllegalStateException.class, client::resync);
      client.close();
      s.finish();
    }
  }
}
