package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The sample VM as a user starts it: {@code java -jar sample-vm.jar -qmp unix:...}, driven over its
 * socket through every command it implements, with the events they cause.
 */
class SampleVmIT {
  @TempDir Path dir;

  private Process vm;

  private QmpClient start(String... extra) throws Exception {
    Path socket = dir.resolve("vm.sock");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("sample-vm.jar", "target/sample-vm.jar"),
        "-qmp", "unix:" + socket + ",server=on,wait=off"));
    command.addAll(List.of(extra));
    vm = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("vm.log").toFile()).start();
    QmpClient client = QmpClient.connect(socket, Duration.ofSeconds(30));
    JsonNode greeting = client.read();
    assertEquals(7, greeting.at("/QMP/version/qemu/major").asInt());
    assertEquals(2, greeting.at("/QMP/version/qemu/minor").asInt());
    assertEquals("[\"oob\"]", greeting.at("/QMP/capabilities").toString());
    return client;
  }

  @AfterEach
  void stop() throws Exception {
    if (vm != null && vm.isAlive()) {
      vm.destroyForcibly().waitFor();
    }
  }

  private static void assertReturn(String expected, JsonNode reply) {
    assertEquals("{\"return\":" + expected + "}", reply.toString());
  }

  private static void assertEvent(String name, String data, JsonNode event) {
    assertEquals(name, event.get("event").asString());
    assertEquals(data, event.has("data") ? event.get("data").toString() : null);
    assertTrue(event.at("/timestamp/seconds").asLong() > 1_700_000_000L, event.toString());
    long micros = event.at("/timestamp/microseconds").asLong();
    assertTrue(micros >= 0 && micros < 1_000_000, event.toString());
  }

  @Test
  void everyCommandWithItsEvents() throws Exception {
    try (QmpClient qmp = start("-name", "testvm", "-no-shutdown")) {
      assertEquals(
          "{\"error\":{\"class\":\"CommandNotFound\",\"desc\":\"Expecting capabilities negotiation with 'qmp_capabilities'\"}}",
          qmp.call("{\"execute\": \"query-status\"}").toString());
      assertReturn("{}", qmp.call("{\"execute\": \"qmp_capabilities\"}"));

      assertReturn("{\"qemu\":{\"micro\":0,\"minor\":2,\"major\":7},\"package\":\"" + Options.PACKAGE + "\"}",
          qmp.call("{\"execute\": \"query-version\"}"));
      assertReturn("{\"status\":\"running\",\"singlestep\":false,\"running\":true}",
          qmp.call("{\"execute\": \"query-status\"}"));
      assertReturn("{\"name\":\"testvm\"}", qmp.call("{\"execute\": \"query-name\"}"));

      // stop: STOP, then the reply (the event is sent while the command runs).
      assertEvent("STOP", null, qmp.call("{\"execute\": \"stop\"}"));
      assertReturn("{}", qmp.read());
      assertReturn("{\"status\":\"paused\",\"singlestep\":false,\"running\":false}",
          qmp.call("{\"execute\": \"query-status\"}"));
      assertReturn("{}", qmp.call("{\"execute\": \"stop\"}")); // no second STOP

      assertEvent("RESUME", null, qmp.call("{\"execute\": \"cont\"}"));
      assertReturn("{}", qmp.read());
      assertReturn("{}", qmp.call("{\"execute\": \"cont\"}")); // already running: no event

      // system_reset: RESET, then the reply, in QEMU 7.2's order.
      assertEvent("RESET", "{\"guest\":false,\"reason\":\"host-qmp-system-reset\"}",
          qmp.call("{\"execute\": \"system_reset\"}"));
      assertReturn("{}", qmp.read());

      // system_powerdown: POWERDOWN; the simulated guest shuts down; -no-shutdown stops it.
      assertEvent("POWERDOWN", null, qmp.call("{\"execute\": \"system_powerdown\"}"));
      assertReturn("{}", qmp.read());
      assertEvent("SHUTDOWN", "{\"guest\":true,\"reason\":\"guest-shutdown\"}", qmp.read());
      assertEvent("STOP", null, qmp.read());
      assertReturn("{\"status\":\"shutdown\",\"singlestep\":false,\"running\":false}",
          qmp.call("{\"execute\": \"query-status\"}"));
      assertEquals(
          "{\"error\":{\"class\":\"GenericError\",\"desc\":\"Resetting the Virtual Machine is required\"}}",
          qmp.call("{\"execute\": \"cont\"}").toString());
      assertEvent("RESET", "{\"guest\":false,\"reason\":\"host-qmp-system-reset\"}",
          qmp.call("{\"execute\": \"system_reset\"}"));
      assertReturn("{}", qmp.read());
      assertReturn("{\"status\":\"prelaunch\",\"singlestep\":false,\"running\":false}",
          qmp.call("{\"execute\": \"query-status\"}"));
      assertEvent("RESUME", null, qmp.call("{\"execute\": \"cont\"}"));
      assertReturn("{}", qmp.read());

      // quit: SHUTDOWN, the reply, then the end of the stream and of the process.
      assertEvent("SHUTDOWN", "{\"guest\":false,\"reason\":\"host-qmp-quit\"}",
          qmp.call("{\"execute\": \"quit\"}"));
      assertReturn("{}", qmp.read());
      assertNull(qmp.readLine());
    }
    assertTrue(vm.waitFor(30, TimeUnit.SECONDS), "the VM exits after quit");
    assertEquals(0, vm.exitValue(), Files.readString(dir.resolve("vm.log")));
  }

  @Test
  void nameIsAbsentWithoutDashName() throws Exception {
    try (QmpClient qmp = start()) {
      qmp.call("{\"execute\": \"qmp_capabilities\"}");
      assertReturn("{}", qmp.call("{\"execute\": \"query-name\"}"));
    }
  }

  @Test
  void queryQmpSchemaServesTheIntrospectionTheProcessorComputed() throws Exception {
    String expected;
    try (var in = getClass().getResourceAsStream("/org/qapi4j/samplevm/schema/SampleVmSchema.qmp-schema.json")) {
      expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    }
    try (QmpClient qmp = start()) {
      qmp.call("{\"execute\": \"qmp_capabilities\"}");
      qmp.send("{\"execute\": \"query-qmp-schema\", \"id\": 1}");
      assertEquals("{\"return\": " + expected + ", \"id\": 1}", qmp.readLine());
    }
  }

  @Test
  void compatDeprecatedOutputHideHidesDeprecatedIntrospection() throws Exception {
    String expected;
    try (var in = getClass().getResourceAsStream("/org/qapi4j/samplevm/schema/SampleVmSchema.qmp-schema.json")) {
      expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
    }
    String hidden = org.qapi4j.runtime.json.IntrospectionFilter.hideDeprecated(expected);
    try (QmpClient qmp = start("-compat", "deprecated-output=hide")) {
      qmp.call("{\"execute\": \"qmp_capabilities\"}");
      qmp.send("{\"execute\": \"query-qmp-schema\", \"id\": 1}");
      String reply = qmp.readLine();
      assertEquals("{\"return\": " + hidden + ", \"id\": 1}", reply);
      // SchemaInfoEnum's 'values' is deprecated: gone from enum entries and from SchemaInfoEnum itself.
      assertTrue(expected.contains("\"values\""));
      assertTrue(!reply.contains("\"values\""), reply);
    }
  }

  @Test
  void aBadCompatPolicyIsRefusedAsQemuRefusesIt() throws Exception {
    Process p = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", System.getProperty("sample-vm.jar", "target/sample-vm.jar"),
            "-qmp", "unix:" + dir.resolve("vm.sock") + ",server=on,wait=off",
            "-compat", "deprecated-input=foo")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue());
    assertEquals("sample-vm: -compat deprecated-input=foo: Parameter 'deprecated-input' does not accept value 'foo'",
        out.lines().findFirst().orElse(""));
  }

  @Test
  void balloonChangesAreThrottledAsQemuThrottlesThem() throws Exception {
    try (QmpClient qmp = start()) {
      qmp.call("{\"execute\": \"qmp_capabilities\"}");
      assertReturn("{\"actual\":134217728}", qmp.call("{\"execute\": \"query-balloon\"}"));
      assertEquals(
          "{\"error\":{\"class\":\"GenericError\",\"desc\":\"Parameter 'target' expects a size\"}}",
          qmp.call("{\"execute\": \"balloon\", \"arguments\": {\"value\": 0}}").toString());
      // Three changes within a second: the first goes out at once (the guest answers after the
      // reply), the second is replaced by the third, which goes out when the second ends.
      assertReturn("{}", qmp.call("{\"execute\": \"balloon\", \"arguments\": {\"value\": 100000000}}"));
      assertEvent("BALLOON_CHANGE", "{\"actual\":100000000}", qmp.read());
      assertReturn("{}", qmp.call("{\"execute\": \"balloon\", \"arguments\": {\"value\": 90000000}}"));
      assertReturn("{}", qmp.call("{\"execute\": \"balloon\", \"arguments\": {\"value\": 80000000}}"));
      assertReturn("{\"actual\":80000000}", qmp.call("{\"execute\": \"query-balloon\"}"));
      assertEvent("BALLOON_CHANGE", "{\"actual\":80000000}", qmp.read());
    }
  }

  /**
   * The simulated guest sets its real-time clock (the test command stands for the guest OS):
   * {@code RTC_CHANGE} with QEMU 7.2's members, limited as QEMU limits it — the first at once, the
   * last of the second when it ends.
   */
  @Test
  void rtcChangesAreThrottledAsQemuThrottlesThem() throws Exception {
    try (QmpClient qmp = start("-test-commands")) {
      qmp.call("{\"execute\": \"qmp_capabilities\"}");
      assertEvent("RTC_CHANGE", "{\"offset\":78,\"qom-path\":\"/machine/unattached/device[9]\"}",
          qmp.call("{\"execute\": \"x-test-set-rtc\", \"arguments\": {\"offset\": 78}}"));
      assertReturn("{}", qmp.read());
      assertReturn("{}", qmp.call("{\"execute\": \"x-test-set-rtc\", \"arguments\": {\"offset\": 79}}"));
      assertReturn("{}", qmp.call("{\"execute\": \"x-test-set-rtc\", \"arguments\": {\"offset\": -3600}}"));
      assertReturn("{\"status\":\"running\",\"singlestep\":false,\"running\":true}",
          qmp.call("{\"execute\": \"query-status\"}"));
      assertEvent("RTC_CHANGE", "{\"offset\":-3600,\"qom-path\":\"/machine/unattached/device[9]\"}", qmp.read());
    }
  }

  /** Without {@code -test-commands} nothing can make the guest set its clock. */
  @Test
  void theRtcCommandIsATestCommand() throws Exception {
    try (QmpClient qmp = start()) {
      qmp.call("{\"execute\": \"qmp_capabilities\"}");
      assertEquals("{\"error\":{\"class\":\"CommandNotFound\",\"desc\":\"The command x-test-set-rtc has not been found\"}}",
          qmp.call("{\"execute\": \"x-test-set-rtc\", \"arguments\": {\"offset\": 1}}").toString());
    }
  }

  @Test
  void sigtermSendsShutdownAndExits() throws Exception {
    try (QmpClient qmp = start()) {
      qmp.call("{\"execute\": \"qmp_capabilities\"}");
      vm.destroy(); // SIGTERM
      assertEvent("SHUTDOWN", "{\"guest\":false,\"reason\":\"host-signal\"}", qmp.read());
      assertNull(qmp.readLine());
    }
    assertTrue(vm.waitFor(30, TimeUnit.SECONDS), "the VM exits on SIGTERM");
    assertEquals(0, vm.exitValue(), Files.readString(dir.resolve("vm.log")));
  }

  @Test
  void aGuestShutdownWithoutNoShutdownEndsTheEmulator() throws Exception {
    try (QmpClient qmp = start()) {
      qmp.call("{\"execute\": \"qmp_capabilities\"}");
      assertEvent("POWERDOWN", null, qmp.call("{\"execute\": \"system_powerdown\"}"));
      assertReturn("{}", qmp.read());
      assertEvent("SHUTDOWN", "{\"guest\":true,\"reason\":\"guest-shutdown\"}", qmp.read());
      assertNull(qmp.readLine());
    }
    assertTrue(vm.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, vm.exitValue());
  }
}
