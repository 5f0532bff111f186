package org.qapi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.testsupport.Peers;

/** The qapi4j command: output, error text and exit status of each subcommand. */
class MainTest {
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
    assertEquals(0, run(Peers.qemuSource("qapi"), "check", "qapi-schema.json"));
    assertEquals("", err());
  }

  @Test
  void checkPrintsEveryErrorAsQemuDoes() {
    assertEquals(1, run(Peers.qemuSource(Peers.SCHEMA_CASES), "check", "union-bad-base.json"));
    assertEquals(
        "union-bad-base.json: In union 'TestUnion':\n"
            + "union-bad-base.json:8: member 'string' of type 'TestTypeA' collides with base member 'string'\n",
        err());
    assertEquals("", out());
  }

  @Test
  void checkNamesIncludedFilesAsQemuDoes() {
    assertEquals(1, run(Peers.qemuSource(Peers.SCHEMA_CASES), "check", "include-nested-err.json"));
    assertEquals("In file included from include-nested-err.json:1:\nmissing-colon.json:1:10: expected ':'\n", err());
  }

  /**
   * The symbols the installed qemu-system-x86_64 defines, told from its reply; with them, the
   * introspection is that reply, byte for byte.
   */
  @Test
  void introspectEqualsQemusReplyWithTheSymbolsOfItsBuild(@TempDir Path dir) throws IOException {
    Path qapi = Peers.qemuSource("qapi");
    String reply = Peers.queryQmpSchema();
    Files.writeString(dir.resolve("reply.json"), reply + "\n");
    assertEquals(0, run(qapi, "symbols", dir.resolve("reply.json").toString(), "qapi-schema.json"), err());
    String symbols = out().strip();
    assertTrue(symbols.contains("CONFIG_SPICE,") && symbols.contains("TARGET_I386") && !symbols.contains("TARGET_ARM"),
        symbols);
    out.reset();
    assertEquals(0, run(qapi, "introspect", "--defined", symbols, "qapi-schema.json"));
    assertEquals(reply + "\n", out());
  }

  @Test
  void symbolsOfAReplyOfAnotherSchemaAreAnError(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("s.json"), "{ 'command': 'query-x', 'if': 'CONFIG_X' }\n");
    Files.writeString(dir.resolve("reply.json"),
        "[{\"name\": \"query-y\", \"ret-type\": \"0\", \"meta-type\": \"command\", \"arg-type\": \"0\"},"
            + " {\"name\": \"0\", \"members\": [], \"meta-type\": \"object\"}]");
    assertEquals(1, run(dir, "symbols", "reply.json", "s.json"));
    assertEquals("\n", out());
    assertEquals("qapi4j: no choice of symbols gives this reply (parts of entries differing: 1);"
        + " is it the reply of another schema?\n", err());
  }

  @Test
  void introspectUnmaskedNamesTypes() {
    assertEquals(0, run(Peers.qemuSource(Peers.SCHEMA_CASES), "introspect", "--unmask", "alternate-array.json"));
    assertEquals("[]\n", out()); // no command or event: nothing is reachable
  }

  @Test
  void unreadableSchemaIsAUsageError() {
    assertEquals(2, run(Path.of("."), "check", "no-such.json"));
    assertEquals("qapi4j: can't read schema file 'no-such.json': No such file or directory\n", err());
  }

  @Test
  void usageErrors() {
    assertEquals(2, run(Path.of(".")));
    assertTrue(err().startsWith("usage: qapi4j COMMAND"));
    assertEquals(2, run(Path.of("."), "introspect", "--frobnicate", "x.json"));
    assertTrue(err().contains("qapi4j: unknown option '--frobnicate'"));
    assertEquals(2, run(Path.of("."), "check"));
    assertEquals(2, run(Path.of("."), "bogus"));
    assertEquals(0, run(Path.of("."), "help"));
    assertTrue(out().contains("introspect [--unmask]"));
  }
}
