package org.qapi4j.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * The client against the real {@code qemu-system-x86_64} ({@code -M none}), when it is
 * installed; skipped otherwise ({@link Peers}).
 */
@Timeout(60)
class RealQemuTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private Process qemu;
  private Path socket;

  @BeforeEach
  void startQemu() throws Exception {
    Path binary = Peers.qemuSystem();
    socket = dir.resolve("qmp.sock");
    qemu = new ProcessBuilder(binary.toString(), "-M", "none", "-nodefaults", "-display", "none",
        "-qmp", "unix:" + socket + ",server=on,wait=off")
        .redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile()).start();
    Peers.awaitSocket(socket, qemu, WAIT);
  }

  @AfterEach
  void stopQemu() throws InterruptedException {
    if (qemu != null) {
      qemu.destroyForcibly();
      qemu.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void queryVersionStopContAndErrors() {
    try (QmpClient c = QmpClient.connect(UnixDomainSocketAddress.of(socket), WAIT)) {
      Greeting g = c.greeting();
      assertEquals(7, g.major());
      assertTrue(g.offersOob());
      assertTrue(c.oobEnabled());

      JsonValue version = c.execute("query-version");
      assertEquals(g.major(), Json.int64(Json.member(version, "qemu", "major")));
      assertEquals(g.minor(), Json.int64(Json.member(version, "qemu", "minor")));
      assertEquals(g.micro(), Json.int64(Json.member(version, "qemu", "micro")));
      assertEquals(g.pkg(), Json.string(Json.member(version, "package")));

      ReceivedEvent stop = c.executeAndAwaitEvent("stop", null, "STOP", null, WAIT);
      assertEquals("STOP", stop.name());
      assertFalse(stop.hasData());
      long skew = Math.abs(Duration.between(stop.timestamp(), java.time.Instant.now()).toSeconds());
      assertTrue(skew < 60, "STOP at " + stop.timestamp());
      assertEquals("paused", Json.string(Json.member(c.execute("query-status"), "status")));

      ReceivedEvent resume = c.executeAndAwaitEvent("cont", null, "RESUME", null, WAIT);
      assertEquals("RESUME", resume.name());
      assertTrue(!resume.timestamp().isBefore(stop.timestamp()));
      assertEquals("running", Json.string(Json.member(c.execute("query-status"), "status")));

      QmpException e = assertThrows(QmpException.class, () -> c.execute("device_del", Map.of("id", "nope")));
      assertEquals("DeviceNotFound", e.errorClass());
      assertEquals("Device 'nope' not found", e.getMessage());

      e = assertThrows(QmpException.class, () -> c.execute("query-cpus-fast", null, CallOptions.DEFAULT.oob(true)));
      assertEquals("GenericError", e.errorClass());
      assertEquals("The command query-cpus-fast does not support OOB", e.getMessage());
    }
  }

  /** A stopped QEMU accepts (the kernel does) but never greets: connect times out, not hangs. */
  @Test
  void stoppedQemuConnectTimesOut() throws Exception {
    try (Stopped stopped = Stopped.stop(qemu.pid())) {
      QmpTimeoutException e = assertThrows(QmpTimeoutException.class,
          () -> QmpClient.connect(UnixDomainSocketAddress.of(socket), Duration.ofMillis(500)));
      assertEquals("no greeting from " + socket + " within PT0.5S", e.getMessage());
    }
  }

  /** QEMU killed: the client is told, later calls fail at once. */
  @Test
  void killedQemu() throws Exception {
    try (QmpClient c = QmpClient.connect(UnixDomainSocketAddress.of(socket), WAIT)) {
      CompletableFuture<QmpConnectionException> told = new CompletableFuture<>();
      c.onClose(told::complete);
      qemu.destroyForcibly();
      String text = told.get(10, TimeUnit.SECONDS).getMessage();
      // EOF, or a reset when the dying QEMU left bytes of ours unread
      assertTrue(text.equals("the server at " + socket + " closed the connection")
          || text.equals("connection to " + socket + " failed: Connection reset"), text);
      assertThrows(QmpConnectionException.class, () -> c.execute("query-status"));
    }
  }
}
