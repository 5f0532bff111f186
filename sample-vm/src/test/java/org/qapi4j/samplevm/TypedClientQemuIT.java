package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.client.QmpException;
import org.qapi4j.runtime.json.JsonValue;
import org.qapi4j.runtime.probe.IntrospectedSchema;
import org.qapi4j.samplevm.schema.BlockCommands;
import org.qapi4j.samplevm.schema.CommandInfo;
import org.qapi4j.samplevm.schema.ControlCommands;
import org.qapi4j.samplevm.schema.IntrospectCommands;
import org.qapi4j.samplevm.schema.IntrospectCommands.SchemaInfo;
import org.qapi4j.samplevm.schema.MiscCommands;
import org.qapi4j.samplevm.schema.RunState;
import org.qapi4j.samplevm.schema.RunStateCommands;
import org.qapi4j.samplevm.schema.RunStateEvents;
import org.qapi4j.samplevm.schema.RunStateEvents_Listener;
import org.qapi4j.samplevm.schema.StatusInfo;
import org.qapi4j.samplevm.schema.VersionInfo;
import org.qapi4j.testsupport.Peers;

/**
 * The typed client generated from the sample VM's schema (its commands are QEMU's) against the
 * real {@code qemu-system-x86_64 -M none}: results, events, the whole {@code query-qmp-schema}
 * reply read into the schema's own types, and QEMU's error classes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TypedClientQemuIT {
  @TempDir Path dir;

  private Emulator qemu;
  private org.qapi4j.runtime.client.QmpClient qmp;

  @BeforeEach
  void start() throws Exception {
    Peers.qemuSystem();
    qemu = Emulator.start(Emulator.Kind.QEMU, dir, 1, "-M", "none", "-nodefaults", "-display", "none");
    qemu.connect(0).close(); // it listens
    qmp = org.qapi4j.runtime.client.QmpClient.connect(UnixDomainSocketAddress.of(Emulator.socket(dir, 0)),
        Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() throws Exception {
    if (qmp != null) {
      qmp.close();
    }
    if (qemu != null) {
      qemu.close();
    }
  }

  @Test
  void versionStatusAndCommands() {
    VersionInfo version = qmp.commands(ControlCommands.class).queryVersion();
    assertEquals(7, version.qemu().major());
    assertEquals(2, version.qemu().minor());
    assertEquals(qmp.greeting().micro(), version.qemu().micro());
    assertEquals(qmp.greeting().pkg(), version.pkg());
    assertEquals(new StatusInfo(true, false, RunState.RUNNING), qmp.commands(RunStateCommands.class).queryStatus());
    List<CommandInfo> commands = qmp.commands(ControlCommands.class).queryCommands();
    assertTrue(commands.contains(new CommandInfo("query-status")) && commands.contains(new CommandInfo("device_del")),
        commands.toString());
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

  /** QEMU's whole reply (its 1,051 entries, every meta-type) read into the schema's union. */
  @Test
  void theWholeSchemaReadIntoItsTypes() {
    List<SchemaInfo> schema = qmp.commands(IntrospectCommands.class).queryQmpSchema();
    JsonValue untyped = qmp.execute("query-qmp-schema");
    assertEquals(((JsonValue.JsonArray) untyped).elements().size(), schema.size());
    SchemaInfo.CommandInfo status = schema.stream()
        .filter(e -> e instanceof SchemaInfo.CommandInfo c && c.base().name().equals("query-status"))
        .map(SchemaInfo.CommandInfo.class::cast).findFirst().orElseThrow();
    assertEquals("0", status.data().argType());
    IntrospectedSchema probe = IntrospectedSchema.of(untyped);
    assertTrue(probe.exists("query-status/ret-type/status/^paused"));
  }

  @Test
  void errorClassesAsQemuSendsThem() {
    QmpException missing = assertThrows(QmpException.class,
        () -> qmp.execute("device_del", Map.of("id", "nic0")));
    assertEquals("DeviceNotFound", missing.errorClass());
    assertEquals("Device 'nic0' not found", missing.getMessage());
    QmpException resize = assertThrows(QmpException.class,
        () -> qmp.commands(BlockCommands.class).blockResize("nothing", null, 1));
    assertEquals("GenericError", resize.errorClass());
    assertEquals("Cannot find device='nothing' nor node-name=''", resize.getMessage());
  }
}
