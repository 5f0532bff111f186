package org.qapi4j.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.client.Json;

/** The shell reading commands from a pipe, as a script runs it: replies on standard output, exit status. */
class ShellPipeTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(InputStream in, String... args) {
    return Shell.run(List.of(args), null, in, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  private int run(String input, String... args) {
    return run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), args);
  }

  /** Standard output, event timestamps as S and U. */
  private String out() {
    return out.toString(StandardCharsets.UTF_8)
        .replaceAll("\"seconds\": \\d+, \"microseconds\": \\d+", "\"seconds\": S, \"microseconds\": U");
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void repliesAndEventsInWireOrder() throws Exception {
    try (Servers.Server vm = Servers.sampleVm(dir)) {
      assertEquals(0, run("query-status\nstop\n\nquery-status\n", vm.socket().toString()));
      assertEquals("{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true}}\n"
          + "{\"timestamp\": {\"seconds\": S, \"microseconds\": U}, \"event\": \"STOP\"}\n"
          + "{\"return\": {}}\n"
          + "{\"return\": {\"status\": \"paused\", \"singlestep\": false, \"running\": false}}\n", out());
      assertEquals("", err());
    }
  }

  @Test
  void refusedCommandsAreNotSentAndTheStatusSaysSo() throws Exception {
    try (Servers.Server vm = Servers.sampleVm(dir)) {
      assertEquals(1, run("balloon value=abc\nbogus\nquery-name\nscreendump a\n", "-v", vm.socket().toString()));
      assertEquals("{\"execute\": \"query-name\", \"arguments\": {}}\n{\"return\": {}}\n", out());
      assertEquals("balloon value=abc\n"
          + "        ^^^^^^^^^\n"
          + "Error: Invalid parameter type for 'value', expected: integer (checked against the server's schema; not sent)\n"
          + "bogus\n"
          + "^^^^^\n"
          + "Error: The command bogus has not been found (checked against the server's schema; not sent)\n"
          + "Error while parsing command line: Expected a key=value pair, got 'a'\n"
          + "command format: <command-name> [arg-name1=arg1] ... [arg-nameN=argN\n", err());
    }
  }

  @Test
  void errorRepliesAsTheServerSentThem() throws Exception {
    try (Servers.Server vm = Servers.sampleVm(dir)) {
      assertEquals(1, run("balloon value=abc\ndevice_del id=nic0\n", "--no-check", "-p", vm.socket().toString()));
      assertEquals("{\n    \"error\": {\n        \"class\": \"GenericError\",\n"
          + "        \"desc\": \"Invalid parameter type for 'value', expected: integer\"\n    }\n}\n"
          + "{\n    \"error\": {\n        \"class\": \"CommandNotFound\",\n"
          + "        \"desc\": \"The command device_del has not been found\"\n    }\n}\n", out());
    }
  }

  /** The server going away ends the shell at once, though its input is still open. */
  @Test
  void hangupEndsTheShellAtOnce() throws Exception {
    try (Servers.Server vm = Servers.sampleVm(dir);
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing)) {
      typing.write("quit\n".getBytes(StandardCharsets.UTF_8));
      typing.flush();
      int status = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(in, vm.socket().toString()));
      assertEquals(1, status);
      // As QEMU, the server sends SHUTDOWN before quit's reply.
      assertEquals("{\"timestamp\": {\"seconds\": S, \"microseconds\": U}, \"event\": \"SHUTDOWN\", "
          + "\"data\": {\"guest\": false, \"reason\": \"host-qmp-quit\"}}\n"
          + "{\"return\": {}}\n", out());
      assertEquals("Disconnected: the server at " + vm.socket() + " closed the connection\n", err());
    }
  }

  @Test
  void usageAndUnreachableServer() {
    assertEquals(2, run("", "-x"));
    assertEquals("qapi4j shell: unknown option '-x'\n" + Shell.USAGE, err());
    err.reset();
    assertEquals(2, run(""));
    assertEquals("qapi4j shell: QMP socket or TCP address must be specified\n" + Shell.USAGE, err());
    err.reset();
    assertEquals(2, run("", "localhost:port"));
    assertEquals("qapi4j shell: Bad port number: localhost:port\n", err());
    err.reset();
    assertEquals(2, run("", dir.resolve("none.sock").toString()));
    assertEquals("qapi4j shell: couldn't connect to " + dir.resolve("none.sock") + ": cannot connect to "
        + dir.resolve("none.sock") + ": ", err().substring(0, err().lastIndexOf(": ") + 2));
  }

  @Test
  void addressesAsQmpShellReadsThem() {
    assertEquals(new java.net.InetSocketAddress("localhost", 4444), Shell.address("localhost:4444"));
    assertEquals(java.net.UnixDomainSocketAddress.of("/tmp/vm.sock"), Shell.address("/tmp/vm.sock"));
    assertEquals(java.net.UnixDomainSocketAddress.of("/tmp/a:b:c"), Shell.address("/tmp/a:b:c"));
  }

  @Test
  void qmpSocketFromTheEnvironment() throws Exception {
    try (Servers.Server vm = Servers.sampleVm(dir)) {
      int status = Shell.run(List.of(), vm.socket().toString(), new ByteArrayInputStream("query-name\n".getBytes(StandardCharsets.UTF_8)),
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
      assertEquals(0, status);
      assertEquals("{\"return\": {}}\n", out());
    }
  }

  /**
   * What the shell says of a command the schema refuses is what QEMU itself answers when the
   * command is sent all the same ({@code --no-check}). Not an alternate: QEMU names the
   * alternate ({@code expected: BlockdevRef}), whose name its query-qmp-schema reply does not tell,
   * and the shell the JSON types it takes ({@code expected: object or string}, CheckerTest).
   */
  @Test
  void checksSayWhatQemuSays() throws Exception {
    List<String> lines = List.of(
        "blockdev-add driver=file node-name=f filename=/nonexistent aio=bogus",
        "chardev-add id=c2 backend.type=file backend.data.out=/dev/null backend.data.bogus=1",
        "chardev-add id=c1 backend.type=null",
        "blockdev-add driver=bogus",
        "balloon value=abc",
        "device_del",
        "migrate-set-capabilities capabilities=[{'capability':'xbzrle','state':'yes'}]",
        "migrate-set-capabilities capabilities=[{'capability':'xbzrle','state':true,'x':1}]",
        "qmp_capabilities enable=[1]",
        "bogus-command");
    try (Servers.Server qemu = Servers.qemu(dir)) {
      assertEquals(1, run(String.join("\n", lines) + "\n", "--no-check", qemu.socket().toString()));
      List<String> descs = new ArrayList<>();
      for (String reply : out().split("\n")) {
        descs.add(Json.string(Json.member(Json.parse(reply), "error", "desc")));
      }
      List<String> ours = new ArrayList<>();
      ServerSchema schema = Schemas.qemu();
      for (String line : lines) {
        CommandParser.Parsed p = new CommandParser().parse(line);
        ours.add(Checker.check(schema, p).orElseThrow().message());
      }
      assertEquals(descs, ours);
    }
  }

  @Test
  void guestAgent() throws Exception {
    try (Servers.Server ga = Servers.qemuGa(dir)) {
      // guest-shutdown sends no reply when it succeeds; blocked (Peers.QEMU_GA_BLOCKED), it answers.
      assertEquals(1, run("guest-ping\nguest-bogus\nguest-sync id=5\nguest-shutdown\n", "-N", ga.socket().toString()));
      assertEquals("{\"return\": {}}\n{\"return\": 5}\n"
          + "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Command guest-shutdown has been disabled\"}}\n", out());
      assertEquals("guest-bogus\n^^^^^^^^^^^\n"
          + "Error: The command guest-bogus has not been found (checked against the server's schema; not sent)\n", err());
    }
  }

  @Test
  void hmpLinesGoToTheHumanMonitorAsQmpShellSendsThem() throws Exception {
    Path log = dir.resolve("hmp.log");
    try (Servers.Server qemu = Servers.qemuWithCpu(dir)) {
      assertEquals(1, run("info status\n\ncpu 0\ncpu 3\ncpu x\nbogus-cmd\nstop\n", "-H", "-l", log.toString(),
          qemu.socket().toString()));
      // HMP's text as the monitor wrote it (its lines end in \r\n); "cpu 0" answers nothing.
      assertEquals("VM status: paused (prelaunch)\r\n"
          + "bad CPU index\n"
          + "cpu command takes an integer argument\n"
          + "unknown command: 'bogus-cmd'\r\n", out());
      assertEquals("", err());
      // After "cpu 0", the CPU index goes with every command; its check ("info version" on CPU 3) is not logged.
      assertEquals(List.of(
          "{\"execute\": \"human-monitor-command\", \"arguments\": {\"command-line\": \"info status\"},"
              + " \"return\": \"VM status: paused (prelaunch)\\r\\n\"}",
          "{\"execute\": \"human-monitor-command\", \"arguments\": {\"command-line\": \"cpu 0\", \"cpu-index\": 0},"
              + " \"return\": \"\"}",
          "{\"execute\": \"human-monitor-command\", \"arguments\": {\"command-line\": \"bogus-cmd\", \"cpu-index\": 0},"
              + " \"return\": \"unknown command: 'bogus-cmd'\\r\\n\"}",
          "{\"execute\": \"human-monitor-command\", \"arguments\": {\"command-line\": \"stop\", \"cpu-index\": 0},"
              + " \"return\": \"\"}"),
          java.nio.file.Files.readAllLines(log));
    }
  }

  @Test
  void hmpOnAMachineWithoutCpusSendsNoCpuIndex() throws Exception {
    // qmp-shell sends cpu-index 0, which QEMU refuses without a CPU ("Parameter 'cpu-index'
    // expects a CPU number"): there it cannot run one command.
    try (Servers.Server qemu = Servers.qemu(dir)) {
      assertEquals(1, run("info status\ncpu 0\n", "-H", qemu.socket().toString()));
      assertEquals("VM status: running\r\nbad CPU index\n", out());
    }
  }

  @Test
  void theLogHasEachCommandWithItsReplyALine() throws Exception {
    Path log = dir.resolve("qmp.log");
    java.nio.file.Files.writeString(log, "left from before\n");
    try (Servers.Server vm = Servers.sampleVm(dir)) {
      assertEquals(1, run("query-status\nstop\ncont bogus=1\nquery-bogus\nsystem_reset\n", "--no-check", "-l",
          log.toString(), vm.socket().toString()));
      // qmp-shell's {**command, **reply}; a command the server never saw is not in it.
      assertEquals(List.of(
          "{\"execute\": \"query-status\", \"arguments\": {}, \"return\": {\"status\": \"running\","
              + " \"singlestep\": false, \"running\": true}}",
          "{\"execute\": \"stop\", \"arguments\": {}, \"return\": {}}",
          "{\"execute\": \"cont\", \"arguments\": {\"bogus\": 1}, \"error\": {\"class\": \"GenericError\","
              + " \"desc\": \"Parameter 'bogus' is unexpected\"}}",
          "{\"execute\": \"query-bogus\", \"arguments\": {}, \"error\": {\"class\": \"CommandNotFound\","
              + " \"desc\": \"The command query-bogus has not been found\"}}",
          "{\"execute\": \"system_reset\", \"arguments\": {}, \"return\": {}}"),
          java.nio.file.Files.readAllLines(log));
    }
  }

  @Test
  void aLogThatCannotBeWrittenIsAUsageError() {
    assertEquals(2, run("", "-l", dir.resolve("no/such/dir/log").toString(), dir.resolve("none.sock").toString()));
    assertEquals(true, err().startsWith("qapi4j shell: cannot write the log "), err());
  }
}
