package org.qapi4j.qga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.client.QmpClient;
import org.qapi4j.testsupport.Peers;

/**
 * The module's typed client of QEMU 7.2's guest agent schema against the real agent, run on this
 * machine ({@code qemu-ga -m unix-listen}), through the guest agent dialect (no greeting; 0xFF and
 * {@code guest-sync-delimited} to synchronise).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GuestAgentClientTest {
  @TempDir Path dir;

  private Process agent;
  private Path socket;

  @BeforeEach
  void start() throws Exception {
    agent = Peers.startQemuGa(dir);
    socket = dir.resolve("qga.sock");
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (agent != null) {
      agent.destroy();
      if (!agent.waitFor(10, TimeUnit.SECONDS)) {
        agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void whatAHostAsksItsGuest() throws Exception {
    try (QmpClient ga = QmpClient.connectGuestAgent(UnixDomainSocketAddress.of(socket), Duration.ofSeconds(10))) {
      QapiSchema agent = ga.commands(QapiSchema.class);
      agent.guestPing();
      assertEquals(4_000_000_000L, agent.guestSyncDelimited(4_000_000_000L));
      GuestAgentInfo info = agent.guestInfo();
      assertTrue(info.version().startsWith("7.2."), info.version());
      assertTrue(info.supportedCommands().contains(new GuestAgentCommandInfo("guest-ping", true, true)));
      assertTrue(info.supportedCommands().contains(new GuestAgentCommandInfo("guest-shutdown", false, false)));
      GuestOSInfo os = agent.guestGetOsinfo();
      assertEquals(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip(), os.kernelRelease());
      assertEquals(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip(), agent.guestGetHostName().hostName());
      long skew = Math.abs(agent.guestGetTime() / 1_000_000 - System.currentTimeMillis());
      assertTrue(skew < 60_000, skew + " ms");
    }
  }

  /**
   * qemu-ga keeps one parser for all its connections: what one left half-written, the next
   * finishes. A client that connects after a half-written request resynchronises (0xFF,
   * guest-sync-delimited) and then talks normally. (Bytes that make the agent answer are left out:
   * its answers would race the first connection's end. The runtime's RealGuestAgentTest sends
   * random bytes, then resynchronises, on one connection.)
   */
  @Test
  void halfARequestLeftOnTheChannelThenAResync() throws Exception {
    try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      raw.connect(UnixDomainSocketAddress.of(socket));
      raw.write(ByteBuffer.wrap("{\"execute\": \"guest-info\", \"arguments\": {\"x\": [1, \"two".getBytes(StandardCharsets.UTF_8)));
    }
    try (QmpClient ga = QmpClient.connectGuestAgent(UnixDomainSocketAddress.of(socket), Duration.ofSeconds(10))) {
      QapiSchema agent = ga.commands(QapiSchema.class);
      agent.guestPing();
      assertTrue(agent.guestInfo().version().startsWith("7.2."));
    }
  }
}
