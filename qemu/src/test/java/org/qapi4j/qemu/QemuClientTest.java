package org.qapi4j.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.DispatchTable;
import org.qapi4j.runtime.client.QmpClient;
import org.qapi4j.runtime.client.QmpException;
import org.qapi4j.runtime.client.TrafficLog;
import org.qapi4j.runtime.probe.IntrospectedSchema;
import org.qapi4j.runtime.probe.SchemaDifference;
import org.qapi4j.testsupport.Peers;

/**
 * The module's typed client of QEMU 7.2's whole schema against the installed
 * {@code qemu-system-x86_64 -M none}: what a management application asks first, events, an
 * out-of-band command, an error class, and the compiled schema against the live one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QemuClientTest {
  @TempDir Path dir;

  private Process qemu;
  private QmpClient qmp;
  private final List<String> sent = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    Path socket = dir.resolve("qmp.sock");
    // QEMU creates the socket before it daemonizes: with -daemonize, its parent exits once it listens.
    qemu = new ProcessBuilder(Peers.qemuSystem().toString(), "-M", "none", "-nodefaults", "-display", "none",
        "-qmp", "unix:" + socket + ",server=on,wait=off", "-daemonize", "-pidfile", dir.resolve("pid").toString())
        .redirectErrorStream(true).start();
    assertEquals(0, qemu.waitFor(), new String(qemu.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    qmp = QmpClient.Options.builder()
        .timeout(Duration.ofSeconds(30))
        .trafficLog(new TrafficLog() {
          @Override
          public void sent(java.time.Instant time, byte[] message) {
            sent.add(new String(message, StandardCharsets.UTF_8));
          }

          @Override
          public void received(java.time.Instant time, byte[] message) {}
        })
        .connect(UnixDomainSocketAddress.of(socket));
  }

  @AfterEach
  void stop() throws Exception {
    if (qmp != null) {
      qmp.close();
    }
    Path pid = dir.resolve("pid");
    if (Files.exists(pid)) {
      new ProcessBuilder("kill", "-9", Files.readString(pid).strip()).start().waitFor();
    }
  }

  @Test
  void whatAManagementApplicationAsksFirst() {
    QapiSchema qemu = qmp.commands(QapiSchema.class); // every command of the schema
    VersionInfo version = qemu.queryVersion();
    assertEquals(new VersionTriple(7, 2, qmp.greeting().micro()), version.qemu());
    assertEquals(new StatusInfo(true, false, RunState.RUNNING), qmp.commands(RunStateCommands.class).queryStatus());
    assertTrue(qemu.queryCommands().contains(new CommandInfo("blockdev-add")));
    assertTrue(qemu.queryMachines().stream().anyMatch(m -> m.name().equals("none")));
    assertTrue(qemu.qomList("/machine").stream().anyMatch(p -> p.name().equals("type") && p.type().equals("string")));
    assertEquals(List.of(), qemu.queryCpusFast()); // -M none has no CPU
    assertTrue(qemu.humanMonitorCommand("info version", null).startsWith("7.2."));
  }

  @Test
  void stopAndContWithTypedEvents() throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    qmp.listen(RunStateEvents.class, new RunStateEvents_Listener() {
      @Override
      public void stop() {
        seen.add("STOP");
      }

      @Override
      public void resume() {
        seen.add("RESUME");
      }
    });
    MiscCommands misc = qmp.commands(MiscCommands.class);
    misc.stop();
    assertEquals("STOP", seen.poll(30, TimeUnit.SECONDS));
    assertEquals(RunState.PAUSED, qmp.commands(RunStateCommands.class).queryStatus().status());
    misc.cont();
    assertEquals("RESUME", seen.poll(30, TimeUnit.SECONDS));
  }

  @Test
  void outOfBandAndErrorClasses() {
    assertEquals(List.of(), qmp.commands(YankCommands.class).queryYank().stream()
        .filter(i -> !(i instanceof YankInstance.Chardev)).toList());
    assertTrue(sent.stream().anyMatch(s -> s.startsWith("{\"exec-oob\": \"query-yank\"")), sent.toString());
    QmpException e = assertThrows(QmpException.class, () -> qmp.commands(QdevCommands.class).deviceDel("nic0"));
    assertEquals("DeviceNotFound", e.errorClass());
    assertEquals("Device 'nic0' not found", e.getMessage());
  }

  /**
   * The schema this module compiled (its introspection, with the symbols of Debian's build) and
   * the installed binary's: nothing of either is missing from the other.
   */
  @Test
  void theCompiledSchemaIsTheLiveOne() {
    IntrospectedSchema compiled =
        IntrospectedSchema.parse(DispatchTable.resource(QapiSchema_Dispatch.class, "QapiSchema.qmp-schema.json"));
    IntrospectedSchema live = IntrospectedSchema.of(qmp.execute("query-qmp-schema"));
    SchemaDifference difference = SchemaDifference.compare(compiled, live);
    assertEquals(List.of(), difference.missing().all());
    assertEquals(List.of(), difference.added().all());
    assertTrue(live.exists("blockdev-add/arg-type/+file/aio/^io_uring"));
  }
}
