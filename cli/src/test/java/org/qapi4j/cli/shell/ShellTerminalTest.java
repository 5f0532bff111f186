package org.qapi4j.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.client.QmpClient;

/** The shell on a real pseudo-terminal, typed at as a person would. */
class ShellTerminalTest {
  @TempDir
  Path dir;

  private Pty shell(String... args) throws Exception {
    List<String> command = new ArrayList<>(Servers.java("org.qapi4j.cli.Main"));
    command.add("shell");
    command.addAll(List.of("--history", dir.resolve("history").toString()));
    command.addAll(List.of(args));
    return Pty.start(command);
  }

  @Test
  void sampleVm() throws Exception {
    try (Servers.Server vm = Servers.sampleVm(dir); Pty pty = shell(vm.socket().toString())) {
      assertEquals("Welcome to the QMP low-level shell!\nConnected to QEMU 7.2.0\n\n",
          pty.await("(QEMU) ").replaceAll("~? *\n? *(?=\\(QEMU\\) )", "").replace("(QEMU) ", ""));
      // Tab completes a command name; Enter runs it.
      pty.type("query-statu\t");
      pty.await("query-status");
      pty.type("\r");
      pty.await("{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true}}");
      pty.await("(QEMU) ");
      // Tab twice lists an enum's values.
      pty.type("screendump filename=/tmp/s format=\t\t");
      String menu = pty.await("format=ppm");
      assertTrue(menu.contains("format=png"), menu);
      pty.type("\u0015"); // Ctrl-U: the line is dropped
      // An event arrives while a line is being typed: it is printed above it, and the line goes on.
      pty.type("query-st");
      pty.await("query-st");
      try (QmpClient other = QmpClient.connect(UnixDomainSocketAddress.of(vm.socket()), Duration.ofSeconds(10))) {
        other.execute("stop");
      }
      pty.await("\"event\": \"STOP\"}");
      pty.await("(QEMU) query-st");
      pty.type("atus\r");
      pty.await("{\"return\": {\"status\": \"paused\", \"singlestep\": false, \"running\": false}}");
      pty.await("(QEMU) ");
      // A command the schema refuses: the caret under the argument, QEMU's text.
      pty.type("balloon value=abc\r");
      String refused = pty.await("(checked against the server's schema; not sent)");
      assertTrue(refused.contains("\n               ^^^^^^^^^\n"
          + "Error: Invalid parameter type for 'value', expected: integer"), refused);
      // The server goes away while the user is at the prompt: the shell says so and ends.
      pty.await("(QEMU) ");
      vm.close();
      pty.await("Disconnected: the server at " + vm.socket() + " closed the connection");
      assertEquals(1, pty.exitStatus(Duration.ofSeconds(20)));
      // Ctrl-U'd lines are not kept, nor a line that repeats the one before.
      assertEquals(List.of("query-status", "balloon value=abc"),
          Files.readAllLines(dir.resolve("history")).stream().map(l -> l.substring(l.indexOf(':') + 1)).toList());
    }
  }

  @Test
  void qemu() throws Exception {
    Path disk = Files.write(dir.resolve("disk.raw"), new byte[65536]);
    try (Servers.Server qemu = Servers.qemu(dir); Pty pty = shell("-p", qemu.socket().toString())) {
      pty.await("Connected to QEMU 7.2.");
      pty.await("(QEMU) ");
      // Union branches: the values of blockdev-add's discriminator, then the members of the branch.
      pty.type("blockdev-add driver=qc\t\t");
      String menu = pty.await("driver=qcow2");
      assertTrue(menu.contains("driver=qcow"), menu);
      pty.type("\u0015blockdev-add driver=file node-name=f0 filen\t");
      pty.await("filename=");
      pty.type(disk + " read-only=true\r");
      pty.await("{\n    \"return\": {}\n}");
      pty.await("(QEMU) ");
      pty.type("transaction(\r");
      pty.await("TRANS> ");
      pty.type("block-dirty-bitmap-add node=f0 name=b0\r");
      pty.await("TRANS> ");
      pty.type("block-dirty-bitmap-add node=f0 name=b0 )\r");
      pty.await("\"desc\": \"Bitmap already exists: b0\"");
      pty.await("(QEMU) ");
      pty.type("quit\r");
      pty.await("Disconnected: ");
      assertEquals(1, pty.exitStatus(Duration.ofSeconds(20)));
    }
  }

  @Test
  void hmp() throws Exception {
    try (Servers.Server qemu = Servers.qemu(dir); Pty pty = shell("-H", qemu.socket().toString())) {
      pty.await("Welcome to the HMP shell!\nConnected to QEMU 7.2.");
      pty.await("(QEMU) ");
      // Completion from the monitor's own help: a command, then an info topic.
      pty.type("info-no\u0015inf\t");
      pty.await("info ");
      pty.type("statu\t");
      pty.await("status "); // completed, and a space after it
      pty.type("\r");
      pty.await("VM status: running");
      pty.await("(QEMU) ");
      pty.type("stop\r");
      pty.await("(QEMU) ");
      pty.type("info status\r");
      pty.await("VM status: paused");
      pty.await("(QEMU) ");
      pty.type("\u0004");
      assertEquals(0, pty.exitStatus(Duration.ofSeconds(20)));
    }
  }

  @Test
  void guestAgent() throws Exception {
    try (Servers.Server ga = Servers.qemuGa(dir); Pty pty = shell("-N", ga.socket().toString())) {
      pty.await("Welcome to the QMP low-level shell!\nConnected\n");
      pty.await("(QEMU) ");
      pty.type("guest-pi\t");
      pty.await("guest-ping");
      pty.type("\r");
      pty.await("{\"return\": {}}");
      pty.await("(QEMU) ");
      pty.type("\u0004"); // Ctrl-D
      assertEquals(0, pty.exitStatus(Duration.ofSeconds(20)));
    }
  }
}
