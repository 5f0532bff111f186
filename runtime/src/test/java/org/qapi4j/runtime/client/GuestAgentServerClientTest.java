package org.qapi4j.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.DispatchTable;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpEndpoint;
import org.qapi4j.runtime.server.QmpServer;
import org.qapi4j.runtime.ReplyWriter;
import org.qapi4j.runtime.TestArguments;
import org.qapi4j.runtime.marshal.Input;

/** The client in the guest agent's dialect against the server in it ({@code QmpServer.Builder.guestAgent}). */
@Timeout(60)
class GuestAgentServerClientTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private QmpServer server;
  private UnixDomainSocketAddress address;

  @BeforeEach
  void start() {
    Path socket = dir.resolve("qga.sock");
    address = UnixDomainSocketAddress.of(socket);
    server = QmpServer.builder().guestAgent(true).commands(table()).endpoint(QmpEndpoint.unix(socket)).build();
    server.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.shutdown();
    server.awaitTermination();
  }

  /** What lets {@code x-wait} return. */
  private static final java.util.concurrent.Semaphore RELEASE = new java.util.concurrent.Semaphore(0);

  /**
   * {@code guest-sync-delimited} and {@code guest-sync} ({@code 'data': {'id': 'int'}, 'returns':
   * 'int'}), {@code guest-ping}, and {@code x-wait}, which returns when the test says.
   */
  private static DispatchTable table() {
    return new DispatchTable() {
      @Override
      public String schemaName() {
        return "qga";
      }

      @Override
      public List<QmpCommand> commands() {
        return List.of(
            new QmpCommand("guest-sync-delimited", a -> echo(TestArguments.int64(a, "id"))),
            new QmpCommand("guest-sync", a -> echo(TestArguments.int64(a, "id"))),
            new QmpCommand("guest-ping", a -> {
              Input.noArguments(a);
              return ReplyWriter.EMPTY_OBJECT;
            }),
            new QmpCommand("x-wait", a -> {
              Input.noArguments(a);
              RELEASE.acquireUninterruptibly();
              return ReplyWriter.EMPTY_OBJECT;
            }));
      }
    };
  }

  private static ReplyWriter echo(long id) {
    return g -> g.writeNumber(id);
  }

  @Test
  void connectCallAndErrors() {
    try (QmpClient ga = QmpClient.connectGuestAgent(address, WAIT)) {
      assertEquals(1, ga.syncs()); // connect resynced: 0xFF, then guest-sync-delimited
      assertNull(ga.greeting());
      assertEquals("{}", Json.toText(ga.execute("guest-ping")));
      assertEquals(42, Json.int64(ga.execute("guest-sync-delimited", Map.of("id", 42))));
      assertEquals(Long.MAX_VALUE, Json.int64(ga.execute("guest-sync", Map.of("id", Long.MAX_VALUE))));
      QmpException e = assertThrows(QmpException.class, () -> ga.execute("qmp_capabilities"));
      assertEquals("CommandNotFound", e.errorClass());
      assertEquals("The command qmp_capabilities has not been found", e.getMessage());
      e = assertThrows(QmpException.class, () -> ga.execute("guest-sync", Map.of("id", "x")));
      assertEquals("Invalid parameter type for 'id', expected: integer", e.getMessage());
      assertEquals(0, ga.unmatchedReplies());
      assertEquals(1, ga.syncs());
    }
  }

  /** Calls from several threads at once, matched by id. */
  @Test
  void pipelined() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (QmpClient ga = QmpClient.connectGuestAgent(address, WAIT)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int base = t * 1000;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 100; i++) {
            assertEquals(base + i, Json.int64(ga.execute("guest-sync", Map.of("id", base + i))));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      assertEquals(0, ga.unmatchedReplies());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Half a request and random bytes in the channel; resync() resets the server's parser, calls work again. */
  @Test
  void garbageThenResync() {
    try (QmpClient ga = QmpClient.connectGuestAgent(address, WAIT)) {
      byte[] random = new byte[512];
      new Random(19).nextBytes(random);
      assertTrue(ga.sendRaw("{\"execute\": \"guest-ping\", \"arguments\": {\"x\": [1, \"ab".getBytes(
          StandardCharsets.US_ASCII)));
      assertTrue(ga.sendRaw(random));
      ga.resync();
      assertEquals(2, ga.syncs());
      assertEquals("{}", Json.toText(ga.execute("guest-ping")));
      assertEquals(7, Json.int64(ga.execute("guest-sync", Map.of("id", 7))));
      assertTrue(ga.isOpen());
    }
  }

  /** A call past its deadline resyncs; the late reply is skipped, the next call works. */
  @Test
  void timeoutThenResync() {
    try (QmpClient ga = QmpClient.connectGuestAgent(address, WAIT)) {
      // The server answers after the deadline, whatever the machine's speed; the resync then
      // skips the late reply.
      assertThrows(QmpTimeoutException.class,
          () -> ga.execute("x-wait", null, CallOptions.withTimeout(Duration.ofMillis(100))));
      RELEASE.release();
      assertEquals("{}", Json.toText(ga.execute("guest-ping")));
      assertEquals(2, ga.syncs());
    }
  }
}
