package org.qapi4j.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.json.JsonValue;
import org.qapi4j.testsupport.Peers;
import org.qapi4j.testsupport.Stopped;

/**
 * The guest agent mode against the real {@code qemu-ga}, run on the host as an ordinary process in
 * a temporary directory ({@code -m unix-listen -p SOCKET -t STATEDIR -f PIDFILE -l LOGFILE}: the
 * state directory and pid file default to {@code /var/run}), with the commands that would touch
 * the host blocked ({@code -b}); skipped without it ({@link Peers}).
 */
@Timeout(60)
class RealGuestAgentTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  @TempDir Path dir;
  private Process agent;
  private Path socket;

  @BeforeEach
  void startAgent() throws Exception {
    agent = Peers.startQemuGa(dir);
    socket = dir.resolve("qga.sock");
  }

  @AfterEach
  void stopAgent() throws InterruptedException {
    if (agent != null) {
      agent.destroy();
      if (!agent.waitFor(10, TimeUnit.SECONDS)) {
        agent.destroyForcibly();
        agent.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private QmpClient connect(List<String> received) {
    return QmpClient.Options.builder().guestAgent(true).timeout(WAIT)
        .trafficLog(new TrafficLog() {
          @Override
          public void sent(Instant time, byte[] message) {}

          @Override
          public void received(Instant time, byte[] message) {
            received.add(new String(message, StandardCharsets.UTF_8));
          }
        })
        .connect(UnixDomainSocketAddress.of(socket));
  }

  @Test
  void pingInfoOsinfoHostNameTime() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    try (QmpClient ga = connect(received)) {
      assertEquals(1, ga.syncs());
      assertEquals("{}", Json.toText(ga.execute("guest-ping")));
      // qemu-ga copies the request's id into its reply: replies are matched by id, as in QMP
      assertEquals("{\"return\": {}, \"id\": 1}", received.get(received.size() - 1));

      JsonValue info = ga.execute("guest-info");
      assertTrue(Json.string(Json.member(info, "version")).startsWith("7."), Json.toText(info));
      Map<String, Boolean> enabled = new HashMap<>();
      for (JsonValue c : Json.elements(Json.member(info, "supported_commands"))) {
        enabled.put(Json.string(Json.member(c, "name")), Json.bool(Json.member(c, "enabled")));
      }
      assertEquals(true, enabled.get("guest-ping"));
      assertEquals(true, enabled.get("guest-sync-delimited"));
      assertEquals(true, enabled.get("guest-get-osinfo"));
      assertEquals(false, enabled.get("guest-shutdown")); // -b
      assertTrue(enabled.size() > 30, enabled.toString());

      JsonValue os = ga.execute("guest-get-osinfo");
      assertEquals(System.getProperty("os.version"), Json.string(Json.member(os, "kernel-release")));
      assertNotNull(Json.member(os, "machine"));

      String host = Json.string(Json.member(ga.execute("guest-get-host-name"), "host-name"));
      Path proc = Path.of("/proc/sys/kernel/hostname");
      if (Files.isReadable(proc)) {
        assertEquals(Files.readString(proc).strip(), host);
      } else {
        assertFalse(host.isEmpty());
      }

      long before = System.currentTimeMillis();
      long nanos = Json.int64(ga.execute("guest-get-time"));
      long after = System.currentTimeMillis();
      assertTrue(nanos / 1_000_000 >= before - 1000 && nanos / 1_000_000 <= after + 1000,
          nanos + " not in [" + before + ", " + after + "] ms");

      QmpException e = assertThrows(QmpException.class, () -> ga.execute("guest-shutdown"));
      assertEquals("CommandNotFound", e.errorClass()); // blocked: "The command guest-shutdown has been disabled"
      assertEquals(0, ga.unmatchedReplies());
      assertEquals(1, ga.syncs());
    }
  }

  /** guest-sync-delimited as an ordinary call: its 0xFF is tolerated, its reply matched by id. */
  @Test
  void syncDelimitedAsACall() {
    try (QmpClient ga = connect(new CopyOnWriteArrayList<>())) {
      assertEquals(42, Json.int64(ga.execute("guest-sync-delimited", Map.of("id", 42))));
      assertEquals(Long.MAX_VALUE, Json.int64(ga.execute("guest-sync", Map.of("id", Long.MAX_VALUE))));
      assertEquals("{}", Json.toText(ga.execute("guest-ping")));
      assertEquals(0, ga.unmatchedReplies());
    }
  }

  /**
   * Garbage in the channel (half a request and random bytes) leaves the agent's parser in any
   * state; resync() resets it with 0xFF and skips the agent's complaints, and calls work again.
   */
  @Test
  void garbageThenResync() {
    List<String> received = new CopyOnWriteArrayList<>();
    try (QmpClient ga = connect(received)) {
      byte[] random = new byte[512];
      new Random(19).nextBytes(random);
      assertTrue(ga.sendRaw("{\"execute\": \"guest-ping\", \"arguments\": {\"x\": [1, \"ab".getBytes(
          StandardCharsets.US_ASCII)));
      assertTrue(ga.sendRaw(random));
      ga.resync();
      assertEquals("{}", Json.toText(ga.execute("guest-ping")));
      assertEquals(2, ga.syncs());
      JsonValue info = ga.execute("guest-info");
      assertTrue(Json.elements(Json.member(info, "supported_commands")).size() > 30);
      assertTrue(ga.isOpen());
    }
  }

  /**
   * A call past its deadline resyncs (the agent gets its 0xFF); the next call works. The agent is
   * stopped (SIGSTOP) while the call waits, so that it answers after the deadline whatever the
   * machine's speed, and continued before the next call.
   */
  @Test
  void timeoutThenResync() throws Exception {
    try (QmpClient ga = connect(new CopyOnWriteArrayList<>())) {
      try (Stopped stopped = Stopped.stop(agent.pid())) {
        assertThrows(QmpTimeoutException.class,
            () -> ga.execute("guest-info", null, CallOptions.withTimeout(Duration.ofMillis(200))));
      }
      assertEquals("{}", Json.toText(ga.execute("guest-ping")));
      assertEquals(2, ga.syncs());
    }
  }
}
