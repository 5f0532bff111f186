package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The sample VM's commands of each kind, end to end: out-of-band commands answered while the main
 * loop is blocked (QEMU's qmp-test "oob"), the preconfig phase (qmp-test "preconfig"), a postcopy
 * migration paused and recovered out of band, coroutine commands that write real files, and an
 * asynchronous dump whose progress the test controls through a FIFO. No sleeps: the test-only
 * commands hold the main loop, the FIFO holds the dump.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExecutionKindsIT {
  @TempDir Path dir;

  private Emulator vm;

  @AfterEach
  void stop() throws Exception {
    if (vm != null) {
      vm.close();
    }
  }

  private Emulator start(String... args) throws IOException {
    vm = Emulator.start(Emulator.Kind.SAMPLE_VM, dir, 1, args);
    return vm;
  }

  private static String error(String desc, String id) {
    return "{\"id\":" + id + ",\"error\":{\"class\":\"GenericError\",\"desc\":\"" + desc + "\"}}";
  }

  private static String event(JsonNode message) {
    assertTrue(message.has("event") && message.at("/timestamp/seconds").asLong() > 1_700_000_000L, message.toString());
    return message.get("event").asString() + (message.has("data") ? " " + message.get("data") : "");
  }

  /**
   * Reads {@code n} messages; the one with id {@code oob} (an out-of-band reply, which may come
   * anywhere) is checked and taken out, the others returned in order.
   */
  private static List<String> withOutOfBand(QmpClient c, int n, String oob, String oobReply) throws IOException {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(c.read().toString());
    }
    assertTrue(all.remove(oobReply), oob + " missing in " + all);
    return all;
  }

  // ------------------------------------------------------------------ out of band

  /** QEMU's qmp-test "oob", with the sample VM's test command as the blocking one. */
  @Test
  void outOfBandCommandsOvertakeABlockedMainLoop() throws Exception {
    QmpClient c = start("-test-commands").negotiated(true);
    c.send("{\"execute\": \"x-test-block-main-loop\", \"id\": \"ib-blocks-1\"}");
    c.send("{\"execute\": \"query-name\", \"id\": \"ib-quick-1\"}");
    c.send("{\"exec-oob\": \"migrate-pause\", \"id\": \"oob-1\"}");
    // Nothing in band can be answered before the release.
    assertEquals(error("migrate-pause is currently only supported during postcopy-active state", "\"oob-1\""),
        c.read().toString());
    assertEquals("{\"return\":[{\"type\":\"chardev\",\"id\":\"compat_monitor0\"}],\"id\":\"oob-2\"}",
        c.call("{\"exec-oob\": \"query-yank\", \"id\": \"oob-2\"}").toString());
    c.send("{\"exec-oob\": \"x-test-release-main-loop\", \"id\": \"release\"}");
    assertEquals(List.of("{\"return\":{},\"id\":\"ib-blocks-1\"}", "{\"return\":{},\"id\":\"ib-quick-1\"}"),
        withOutOfBand(c, 3, "release", "{\"return\":{},\"id\":\"release\"}"));

    // A malformed in-band request still fails in band, after the blocked one.
    c.send("{\"execute\": \"x-test-block-main-loop\", \"id\": \"blocks-2\"}");
    c.send("{\"id\": \"err-2\"}");
    c.send("{\"exec-oob\": \"x-test-release-main-loop\", \"id\": \"release\"}");
    assertEquals(List.of("{\"return\":{},\"id\":\"blocks-2\"}",
            error("QMP input lacks member 'execute'", "\"err-2\"")),
        withOutOfBand(c, 3, "release", "{\"return\":{},\"id\":\"release\"}"));
  }

  // ------------------------------------------------------------------ preconfig

  /** QEMU's qmp-test "preconfig", and which commands the phase lets through. */
  @Test
  void preconfigUntilExitPreconfig() throws Exception {
    QmpClient c = start("--preconfig").negotiated(true);
    assertTrue(c.call("{\"execute\": \"query-commands\"}").get("return").isArray());
    assertEquals("{\"return\":{\"status\":\"prelaunch\",\"singlestep\":false,\"running\":false}}",
        c.call("{\"execute\": \"query-status\"}").toString());
    assertEquals(error("The command 'stop' is permitted only after machine initialization has completed", "1"),
        c.call("{\"execute\": \"stop\", \"id\": 1}").toString());
    assertEquals(error("The command 'migrate-pause' is permitted only after machine initialization has completed", "2"),
        c.call("{\"exec-oob\": \"migrate-pause\", \"id\": 2}").toString());
    // block_resize is allow-preconfig: it runs (and finds nothing).
    assertEquals(error("Cannot find device='' nor node-name='disk'", "3"),
        c.call("{\"execute\": \"block_resize\", \"arguments\": {\"node-name\": \"disk\", \"size\": 0}, \"id\": 3}")
            .toString());
    assertEquals("RESUME", event(c.call("{\"execute\": \"x-exit-preconfig\"}")));
    assertEquals("{\"return\":{}}", c.read().toString());
    assertEquals("{\"return\":{\"status\":\"running\",\"singlestep\":false,\"running\":true}}",
        c.call("{\"execute\": \"query-status\"}").toString());
    assertEquals(error("The command is permitted only before machine initialization", "4"),
        c.call("{\"execute\": \"x-exit-preconfig\", \"id\": 4}").toString());
    assertEquals("STOP", event(c.call("{\"execute\": \"stop\"}")));
    assertEquals("{\"return\":{}}", c.read().toString());
  }

  // ------------------------------------------------------------------ postcopy migration

  /** The simulated migration's source: a line protocol on the incoming socket. */
  private static final class Source implements AutoCloseable {
    private final SocketChannel channel;
    private final BufferedReader in;

    Source(Path socket) throws IOException {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
      in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    String line() throws IOException {
      return in.readLine();
    }

    String call(String request) throws IOException {
      ByteBuffer b = ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        channel.write(b);
      }
      return line();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /**
   * The point of OOB: the main loop is stuck (here: blocked by the test command; in QEMU: on a
   * guest page fault the broken stream will never serve), yet the migration is paused, yanked and
   * recovered through commands that run on the I/O thread.
   */
  @Test
  void postcopyIsPausedYankedAndRecoveredWhileTheMainLoopIsBlocked() throws Exception {
    Path incoming = dir.resolve("mig.sock");
    QmpClient c = start("-incoming", "unix:" + incoming, "-test-commands").negotiated(true);
    assertEquals("{\"return\":{\"status\":\"inmigrate\",\"singlestep\":false,\"running\":false}}",
        c.call("{\"execute\": \"query-status\"}").toString());
    try (Source source = new Source(incoming)) {
      assertEquals("ok active", source.line());
      assertEquals("{\"return\":[{\"type\":\"chardev\",\"id\":\"compat_monitor0\"},{\"type\":\"migration\"}]}",
          c.call("{\"exec-oob\": \"query-yank\"}").toString());
      assertEquals(error("migrate-pause is currently only supported during postcopy-active state", "1"),
          c.call("{\"exec-oob\": \"migrate-pause\", \"id\": 1}").toString());
      assertEquals(error("Migrate recover can only be run when postcopy is paused.", "2"),
          c.call("{\"exec-oob\": \"migrate-recover\", \"arguments\": {\"uri\": \"unix:/x\"}, \"id\": 2}").toString());
      assertEquals("ok postcopy-active", source.call("postcopy"));
      assertEquals("RESUME", event(c.read())); // the guest runs here now

      c.send("{\"execute\": \"x-test-block-main-loop\", \"id\": \"stuck\"}");
      assertEquals("{\"return\":{},\"id\":\"p\"}", c.call("{\"exec-oob\": \"migrate-pause\", \"id\": \"p\"}").toString());
      assertNull(source.line()); // the stream was shut down
    }
    Path again = dir.resolve("mig2.sock");
    assertEquals("MIGRATION {\"status\":\"setup\"}",
        event(c.call("{\"exec-oob\": \"migrate-recover\", \"arguments\": {\"uri\": \"unix:" + again + "\"}, \"id\": \"r\"}")));
    assertEquals("{\"return\":{},\"id\":\"r\"}", c.read().toString());
    assertEquals(error("Migrate recovery is triggered already", "3"),
        c.call("{\"exec-oob\": \"migrate-recover\", \"arguments\": {\"uri\": \"unix:/y\"}, \"id\": 3}").toString());
    try (Source source = new Source(again)) {
      assertEquals("ok postcopy-active", source.line());
      // yank shuts the stream down too.
      assertEquals("{\"return\":{},\"id\":\"y\"}",
          c.call("{\"exec-oob\": \"yank\", \"arguments\": {\"instances\": [{\"type\": \"migration\"}]}, \"id\": \"y\"}")
              .toString());
      assertNull(source.line());
    }
    // A URI the VM cannot listen on: QEMU's setup event, then its error; recovery may be retried.
    assertEquals("MIGRATION {\"status\":\"setup\"}",
        event(c.call("{\"exec-oob\": \"migrate-recover\", \"arguments\": {\"uri\": \"exec:cat\"}, \"id\": 4}")));
    assertEquals(error("unknown migration protocol: exec:cat", "4"), c.read().toString());
    Path third = dir.resolve("mig3.sock");
    assertEquals("MIGRATION {\"status\":\"setup\"}",
        event(c.call("{\"exec-oob\": \"migrate-recover\", \"arguments\": {\"uri\": \"unix:" + third + "\"}}")));
    assertEquals("{\"return\":{}}", c.read().toString());
    try (Source source = new Source(third)) {
      assertEquals("ok postcopy-active", source.line());
      c.send("{\"exec-oob\": \"x-test-release-main-loop\", \"id\": \"release\"}");
      assertEquals(List.of("{\"return\":{},\"id\":\"stuck\"}"),
          withOutOfBand(c, 2, "release", "{\"return\":{},\"id\":\"release\"}"));
      assertEquals("ok completed", source.call("complete"));
    }
    assertEquals("{\"return\":[{\"type\":\"chardev\",\"id\":\"compat_monitor0\"}]}",
        c.call("{\"exec-oob\": \"query-yank\"}").toString());
    assertEquals("{\"return\":{\"status\":\"running\",\"singlestep\":false,\"running\":true}}",
        c.call("{\"execute\": \"query-status\"}").toString());
  }

  /** As QEMU 7.2 lists them (members in its hash-table order, as observed). */
  private static final String NO_CAPABILITIES = "[{\"state\":false,\"capability\":\"xbzrle\"},"
      + "{\"state\":false,\"capability\":\"rdma-pin-all\"},{\"state\":false,\"capability\":\"auto-converge\"},"
      + "{\"state\":false,\"capability\":\"zero-blocks\"},{\"state\":false,\"capability\":\"compress\"},"
      + "{\"state\":false,\"capability\":\"events\"},{\"state\":false,\"capability\":\"postcopy-ram\"},"
      + "{\"state\":false,\"capability\":\"x-colo\"},{\"state\":false,\"capability\":\"release-ram\"},"
      + "{\"state\":false,\"capability\":\"block\"},{\"state\":false,\"capability\":\"return-path\"},"
      + "{\"state\":false,\"capability\":\"pause-before-switchover\"},{\"state\":false,\"capability\":\"multifd\"},"
      + "{\"state\":false,\"capability\":\"dirty-bitmaps\"},{\"state\":false,\"capability\":\"postcopy-blocktime\"},"
      + "{\"state\":false,\"capability\":\"late-block-activate\"},{\"state\":false,\"capability\":\"x-ignore-shared\"},"
      + "{\"state\":false,\"capability\":\"validate-uuid\"},{\"state\":false,\"capability\":\"background-snapshot\"},"
      + "{\"state\":false,\"capability\":\"zero-copy-send\"},{\"state\":false,\"capability\":\"postcopy-preempt\"}]";

  /** A VM waiting for an incoming migration, with the {@code events} capability turned on. */
  private QmpClient incomingWithEvents(Path incoming) throws Exception {
    QmpClient c = start("-incoming", "unix:" + incoming).negotiated(true);
    assertEquals("{\"return\":" + NO_CAPABILITIES + "}", c.call("{\"execute\": \"query-migrate-capabilities\"}").toString());
    assertEquals("{\"return\":{}}", c.call("{\"execute\": \"migrate-set-capabilities\", \"arguments\": "
        + "{\"capabilities\": [{\"capability\": \"events\", \"state\": true}]}}").toString());
    assertEquals("{\"return\":" + NO_CAPABILITIES.replace("false,\"capability\":\"events\"", "true,\"capability\":\"events\"") + "}",
        c.call("{\"execute\": \"query-migrate-capabilities\"}").toString());
    return c;
  }

  /**
   * With the {@code events} capability, every status change of a postcopy migration is sent, as
   * QEMU 7.2's destination sends them: {@code postcopy-active} before the guest resumes,
   * {@code postcopy-paused} when the stream is paused or lost, {@code postcopy-recover} and
   * {@code postcopy-active} when the source comes back, {@code completed} at the end.
   */
  @Test
  void everyStatusOfAPostcopyMigrationIsSentWithTheEventsCapability() throws Exception {
    Path incoming = dir.resolve("mig.sock");
    QmpClient c = incomingWithEvents(incoming);
    try (Source source = new Source(incoming)) {
      assertEquals("ok active", source.line());
      assertEquals("MIGRATION {\"status\":\"active\"}", event(c.read()));
      assertEquals("ok postcopy-active", source.call("postcopy"));
      assertEquals("MIGRATION {\"status\":\"postcopy-active\"}", event(c.read()));
      assertEquals("RESUME", event(c.read()));
      assertEquals("MIGRATION {\"status\":\"postcopy-paused\"}", event(c.call("{\"exec-oob\": \"migrate-pause\", \"id\": 1}")));
      assertEquals("{\"return\":{},\"id\":1}", c.read().toString());
      assertNull(source.line());
    }
    Path again = dir.resolve("mig2.sock");
    assertEquals("MIGRATION {\"status\":\"setup\"}",
        event(c.call("{\"exec-oob\": \"migrate-recover\", \"arguments\": {\"uri\": \"unix:" + again + "\"}, \"id\": 2}")));
    assertEquals("{\"return\":{},\"id\":2}", c.read().toString());
    try (Source source = new Source(again)) {
      assertEquals("ok postcopy-active", source.line());
      assertEquals("MIGRATION {\"status\":\"postcopy-recover\"}", event(c.read()));
      assertEquals("MIGRATION {\"status\":\"postcopy-active\"}", event(c.read()));
    } // the source goes away: the migration pauses
    assertEquals("MIGRATION {\"status\":\"postcopy-paused\"}", event(c.read()));
    Path third = dir.resolve("mig3.sock");
    assertEquals("MIGRATION {\"status\":\"setup\"}",
        event(c.call("{\"exec-oob\": \"migrate-recover\", \"arguments\": {\"uri\": \"unix:" + third + "\"}, \"id\": 3}")));
    assertEquals("{\"return\":{},\"id\":3}", c.read().toString());
    try (Source source = new Source(third)) {
      assertEquals("ok postcopy-active", source.line());
      assertEquals("MIGRATION {\"status\":\"postcopy-recover\"}", event(c.read()));
      assertEquals("MIGRATION {\"status\":\"postcopy-active\"}", event(c.read()));
      assertEquals("ok completed", source.call("complete"));
      assertEquals("MIGRATION {\"status\":\"completed\"}", event(c.read()));
    }
    assertEquals("{\"return\":{\"status\":\"running\",\"singlestep\":false,\"running\":true}}",
        c.call("{\"execute\": \"query-status\"}").toString());
  }

  /**
   * A precopy migration, as observed on Debian's QEMU 7.2 migrating between two processes:
   * {@code active}, then {@code RESUME} and {@code completed} once everything arrived.
   */
  @Test
  void aPrecopyMigrationSaysActiveThenResumeThenCompleted() throws Exception {
    Path incoming = dir.resolve("mig.sock");
    QmpClient c = incomingWithEvents(incoming);
    try (Source source = new Source(incoming)) {
      assertEquals("ok active", source.line());
      assertEquals("MIGRATION {\"status\":\"active\"}", event(c.read()));
      assertEquals("ok completed", source.call("complete"));
      assertEquals("RESUME", event(c.read()));
      assertEquals("MIGRATION {\"status\":\"completed\"}", event(c.read()));
    }
    assertEquals("{\"return\":{\"status\":\"running\",\"singlestep\":false,\"running\":true}}",
        c.call("{\"execute\": \"query-status\"}").toString());
  }

  /** The stream of a precopy migration breaks: {@code failed}. */
  @Test
  void aPrecopyMigrationThatLosesItsSourceFails() throws Exception {
    Path incoming = dir.resolve("mig.sock");
    QmpClient c = incomingWithEvents(incoming);
    try (Source source = new Source(incoming)) {
      assertEquals("ok active", source.line());
      assertEquals("MIGRATION {\"status\":\"active\"}", event(c.read()));
    }
    assertEquals("MIGRATION {\"status\":\"failed\"}", event(c.read()));
    assertEquals("{\"return\":{\"status\":\"inmigrate\",\"singlestep\":false,\"running\":false}}",
        c.call("{\"execute\": \"query-status\"}").toString());
  }

  @Test
  void yankingAMonitorDisconnectsItsClients() throws Exception {
    vm = Emulator.start(Emulator.Kind.SAMPLE_VM, dir, 2);
    QmpClient first = vm.negotiated(true);
    QmpClient second = vm.connect(1);
    second.call("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}");
    assertEquals("{\"return\":[{\"type\":\"chardev\",\"id\":\"compat_monitor0\"},{\"type\":\"chardev\",\"id\":\"compat_monitor1\"}]}",
        second.call("{\"exec-oob\": \"query-yank\"}").toString());
    assertEquals("{\"error\":{\"class\":\"DeviceNotFound\",\"desc\":\"Instance not found\"}}",
        second.call("{\"exec-oob\": \"yank\", \"arguments\": {\"instances\": [{\"type\": \"chardev\", \"id\": \"compat_monitor0\"},"
            + " {\"type\": \"migration\"}]}}").toString());
    assertEquals("{\"return\":{}}", first.call("{\"execute\": \"query-name\"}").toString()); // nothing was yanked
    assertEquals("{\"return\":{}}",
        second.call("{\"exec-oob\": \"yank\", \"arguments\": {\"instances\": [{\"type\": \"chardev\", \"id\": \"compat_monitor0\"}]}}")
            .toString());
    assertNull(first.readLine());
    QmpClient again = vm.negotiated(false); // the monitor still listens
    assertEquals("{\"return\":{}}", again.call("{\"execute\": \"query-name\"}").toString());
  }

  // ------------------------------------------------------------------ coroutines

  @Test
  void screendumpWritesThePictureOfTheDisplay() throws Exception {
    QmpClient c = start("-vga", "std").negotiated(false);
    Path ppm = dir.resolve("screen.ppm");
    assertEquals("{\"return\":{}}",
        c.call("{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"" + ppm + "\"}}").toString());
    byte[] image = Files.readAllBytes(ppm);
    byte[] header = "P6\n640 480\n255\n".getBytes(StandardCharsets.US_ASCII);
    assertEquals(header.length + 640 * 480 * 3, image.length);
    assertArrayEquals(header, Arrays.copyOf(image, header.length));
    // The test card: the first bar is white, the second yellow.
    assertArrayEquals(new byte[] {-1, -1, -1}, Arrays.copyOfRange(image, header.length, header.length + 3));
    int yellow = header.length + 3 * 100;
    assertArrayEquals(new byte[] {-1, -1, 0}, Arrays.copyOfRange(image, yellow, yellow + 3));

    Path png = dir.resolve("screen.png");
    assertEquals("{\"return\":{}}", c.call("{\"execute\": \"screendump\", \"arguments\": {\"filename\": \""
        + png + "\", \"format\": \"png\"}}").toString());
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(Files.readAllBytes(png), 4));

    assertEquals("{\"error\":{\"class\":\"DeviceNotFound\",\"desc\":\"Device 'vga0' not found\"}}",
        c.call("{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"x\", \"device\": \"vga0\"}}").toString());
    assertEquals(error("'head' must be specified together with 'device'", "1"),
        c.call("{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"x\", \"head\": 1}, \"id\": 1}").toString());
    assertEquals(error("failed to open file '/nonexistent/x.ppm': No such file or directory", "2"),
        c.call("{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"/nonexistent/x.ppm\"}, \"id\": 2}")
            .toString());
  }

  @Test
  void withoutADisplayThereIsNothingToDump() throws Exception {
    QmpClient c = start().negotiated(false);
    assertEquals(error("There is no console to take a screendump from", "1"),
        c.call("{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"x\"}, \"id\": 1}").toString());
  }

  @Test
  void blockResizeTruncatesAndExtendsTheImage() throws Exception {
    Path image = dir.resolve("disk.img");
    Files.write(image, new byte[1 << 20]);
    QmpClient c = start("-blockdev", "driver=file,node-name=disk0,filename=" + image,
        "-blockdev", "driver=null-co,node-name=null0").negotiated(false);
    assertEquals("{\"return\":{}}", c.call(
        "{\"execute\": \"block_resize\", \"arguments\": {\"node-name\": \"disk0\", \"size\": 1000}}").toString());
    assertEquals(1000, Files.size(image));
    assertEquals("{\"return\":{}}", c.call(
        "{\"execute\": \"block_resize\", \"arguments\": {\"device\": \"d\", \"node-name\": \"disk0\", \"size\": 3145728}}")
        .toString());
    assertEquals(3145728, Files.size(image));
    assertEquals(error("Image format driver does not support resize", "1"), c.call(
        "{\"execute\": \"block_resize\", \"arguments\": {\"node-name\": \"null0\", \"size\": 1}, \"id\": 1}").toString());
    assertEquals(error("Parameter 'size' expects a >0 size", "2"), c.call(
        "{\"execute\": \"block_resize\", \"arguments\": {\"node-name\": \"disk0\", \"size\": -1}, \"id\": 2}").toString());
    assertEquals(error("Cannot find device='disk0' nor node-name=''", "3"), c.call(
        "{\"execute\": \"block_resize\", \"arguments\": {\"device\": \"disk0\", \"size\": -1}, \"id\": 3}").toString());
  }

  // ------------------------------------------------------------------ asynchronous

  /** A FIFO the dump is written into: the dump cannot end before the test reads it all. */
  private static Path fifo(Path dir) throws IOException, InterruptedException {
    Path fifo = dir.resolve("dump.fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
    return fifo;
  }

  /** Opens the FIFO (blocking until the VM opens it), waits for {@code go}, reads it all. */
  private static CompletableFuture<Long> drain(Path fifo, CountDownLatch go) {
    CompletableFuture<Long> read = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        go.await();
        long n = 0;
        byte[] buffer = new byte[1 << 16];
        int k;
        while ((k = in.read(buffer)) > 0) {
          n += k;
        }
        read.complete(n);
      } catch (IOException | InterruptedException e) {
        read.completeExceptionally(e);
      }
    }, "fifo-reader");
    t.setDaemon(true);
    t.start();
    return read;
  }

  @Test
  void theDumpRunsWhileEveryoneIsServedAndRepliesInOrder() throws Exception {
    start();
    QmpClient a = vm.negotiated(true);
    QmpClient b = vm.negotiated(false);
    Path fifo = fifo(dir);
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<Long> read = drain(fifo, go);
    a.send("{\"execute\": \"dump-guest-memory\", \"arguments\": {\"paging\": false, \"protocol\": \"file:" + fifo
        + "\"}, \"id\": \"dump\"}");
    assertEquals("STOP", event(a.read()));
    // The dispatcher went on: another client is served while the dump is written...
    assertEquals("STOP", event(b.read()));
    assertEquals("{\"return\":{\"status\":\"save-vm\",\"singlestep\":false,\"running\":false}}",
        b.call("{\"execute\": \"query-status\"}").toString());
    JsonNode progress = b.call("{\"execute\": \"query-dump\"}").get("return");
    assertEquals("active", progress.get("status").asString());
    assertEquals(Machine.RAM_SIZE, progress.get("total").asLong());
    assertTrue(progress.get("completed").asLong() < Machine.RAM_SIZE, progress.toString());
    // ... and this client's next request runs too, but its reply waits for the dump's.
    a.send("{\"execute\": \"query-dump\", \"id\": \"during\"}");
    assertEquals("{\"return\":[{\"type\":\"chardev\",\"id\":\"compat_monitor0\"}],\"id\":\"oob\"}",
        a.call("{\"exec-oob\": \"query-yank\", \"id\": \"oob\"}").toString());
    go.countDown();
    assertEquals(120 + Machine.RAM_SIZE, read.get(60, TimeUnit.SECONDS));
    assertEquals("DUMP_COMPLETED {\"result\":{\"total\":134217728,\"status\":\"completed\",\"completed\":134217728}}",
        event(a.read()));
    assertEquals("RESUME", event(a.read()));
    assertEquals("{\"return\":{},\"id\":\"dump\"}", a.read().toString());
    JsonNode during = a.read();
    assertEquals("during", during.get("id").asString());
    assertEquals("active", during.at("/return/status").asString()); // it ran before the dump ended
  }

  @Test
  void aClientThatDisconnectsCancelsItsDump() throws Exception {
    start();
    QmpClient a = vm.negotiated(true);
    QmpClient b = vm.negotiated(true);
    Path fifo = fifo(dir);
    CountDownLatch go = new CountDownLatch(1);
    CompletableFuture<Long> read = drain(fifo, go);
    a.send("{\"execute\": \"dump-guest-memory\", \"arguments\": {\"paging\": false, \"protocol\": \"file:" + fifo
        + "\"}}");
    assertEquals("STOP", event(a.read()));
    assertEquals("STOP", event(b.read()));
    a.close();
    // The I/O thread handles a's end (and cancels the dump) before it answers b's out-of-band
    // request; the dump, which cannot have finished, then fails (its events may come first).
    b.send("{\"exec-oob\": \"query-yank\", \"id\": \"barrier\"}");
    List<JsonNode> messages = new ArrayList<>();
    while (messages.stream().noneMatch(m -> m.has("id"))) {
      messages.add(b.read());
    }
    go.countDown();
    assertTrue(read.get(60, TimeUnit.SECONDS) < 120 + Machine.RAM_SIZE);
    while (messages.size() < 3) {
      messages.add(b.read());
    }
    List<String> events = new ArrayList<>();
    for (JsonNode m : messages) {
      if (!m.has("id")) {
        events.add(m.get("event").asString());
      }
    }
    assertEquals(List.of("DUMP_COMPLETED", "RESUME"), events);
    JsonNode completed = messages.stream().filter(m -> m.has("event") && m.get("event").asString().equals("DUMP_COMPLETED"))
        .findFirst().orElseThrow();
    assertEquals("failed", completed.at("/data/result/status").asString());
    assertEquals("dump cancelled: the client that asked for it disconnected", completed.at("/data/error").asString());
    assertEquals("failed", b.call("{\"execute\": \"query-dump\"}").at("/return/status").asString());
  }
}
