package org.qapi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The qapi4j command: output, error text and exit status of each subcommand. */
class MainTest {
  static final Path QEMU = Path.of(System.getProperty("qapi4j.root", ".."), "..", "shared", "qemu-7.2");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Path cwd, String... args) {
    return Main.run(args, cwd, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void checkAcceptsQemuSchema() {
    assertEquals(0, run(QEMU.resolve("qapi"), "check", "qapi-schema.json"));
    assertEquals("", err());
  }

  @Test
  void checkPrintsEveryErrorAsQemuDoes() {
    assertEquals(1, run(QEMU.resolve("qapi-schema-tests"), "check", "union-bad-base.json"));
    assertEquals(
        "union-bad-base.json: In union 'TestUnion':\n"
            + "union-bad-base.json:8: member 'string' of type 'TestTypeA' collides with base member 'string'\n",
        err());
    assertEquals("", out());
  }

  @Test
  void checkNamesIncludedFilesAsQemuDoes() {
    assertEquals(1, run(QEMU.resolve("qapi-schema-tests"), "check", "include-nested-err.json"));
    assertEquals("In file included from include-nested-err.json:1:\nmissing-colon.json:1:10: expected ':'\n", err());
  }

  @Test
  void introspectEqualsQemusReplyWithItsSymbols() throws IOException {
    String defined =
        Files.readAllLines(QEMU.resolve("defined-conditions.txt")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .collect(Collectors.joining(","));
    assertEquals(0, run(QEMU.resolve("qapi"), "introspect", "--defined", defined, "qapi-schema.json"));
    assertEquals(Files.readString(QEMU.resolve("query-qmp-schema.x86_64.json")).strip() + "\n", out());
  }

  @Test
  void introspectUnmaskedNamesTypes() {
    assertEquals(0, run(QEMU.resolve("qapi-schema-tests"), "introspect", "--unmask", "alternate-array.json"));
    assertEquals("[]\n", out()); // no command or event: nothing is reachable
  }

  @Test
  void unreadableSchemaIsAUsageError() {
    assertEquals(2, run(QEMU, "check", "no-such.json"));
    assertEquals("qapi4j: can't read schema file 'no-such.json': No such file or directory\n", err());
  }

  @Test
  void usageErrors() {
    assertEquals(2, run(QEMU));
    assertTrue(err().startsWith("usage: qapi4j COMMAND"));
    assertEquals(2, run(QEMU, "introspect", "--frobnicate", "x.json"));
    assertTrue(err().contains("qapi4j: unknown option '--frobnicate'"));
    assertEquals(2, run(QEMU, "check"));
    assertEquals(2, run(QEMU, "bogus"));
    assertEquals(0, run(QEMU, "help"));
    assertTrue(out().contains("introspect [--unmask]"));
  }
}
