package org.qapi4j.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.qapi4j.runtime.client.Json;
import org.qapi4j.runtime.json.JsonValue;
import org.qapi4j.testsupport.Peers;

/** Command lines read as QEMU's qmp-shell reads them. */
class CommandParserTest {
  private final CommandParser parser = new CommandParser();

  private String parse(String line) throws ShellSyntaxException {
    CommandParser.Parsed p = parser.parse(line);
    return p == null ? "None" : JsonText.compact(p.message());
  }

  private String error(String line) {
    return assertThrows(ShellSyntaxException.class, () -> parser.parse(line)).getMessage();
  }

  @Test
  void commandWithoutArguments() throws Exception {
    assertEquals("{\"execute\": \"query-status\", \"arguments\": {}}", parse("query-status"));
  }

  @Test
  void valuesAreIntegersBooleansJsonOrText() throws Exception {
    assertEquals("{\"execute\": \"x\", \"arguments\": {\"a\": 5, \"b\": 1000, \"c\": 99999999999999999999, "
        + "\"d\": \"1.5\", \"e\": true, \"f\": false, \"g\": \"null\", \"h\": \"0x10\"}}",
        parse("x a=+5 b=1_000 c=99999999999999999999 d=1.5 e=TRUE f=false g=null h=0x10"));
    assertEquals("{\"execute\": \"x\", \"arguments\": {\"a\": {\"k\": \"v\", \"o\": {\"p\": [1, 2.0, null, true]}}, "
        + "\"b\": \"\\\"quoted text\\\"\", \"c\": \"{bad\"}}",
        parse("x a={'k':'v','o':{\"p\":[1,2.0,None,true]}} b=\"quoted text\" c={bad"));
  }

  @Test
  void dottedKeysBuildObjectsFromTheTop() throws Exception {
    // QEMU 7.2's qmp-shell would nest backend.data inside id (its defect, see CommandParser).
    assertEquals("{\"execute\": \"chardev-add\", \"arguments\": {\"id\": {\"x\": \"c1\"}, "
        + "\"backend\": {\"type\": \"file\", \"data\": {\"out\": \"/tmp/o\"}}}}",
        parse("chardev-add id.x=c1 backend.type=file backend.data.out=/tmp/o"));
    assertEquals("Cannot use \"backend\" as both leaf and non-leaf key", error("x backend.type=file backend=1"));
    assertEquals("Cannot use \"a\" as both leaf and non-leaf key", error("x a=1 a.b=2"));
    assertEquals("Cannot set \"a.b\" multiple times", error("x a.b=1 a.b=2"));
    assertEquals("Expected a key=value pair, got 'stray'", error("x a=1 stray"));
  }

  @Test
  void transactionCollectsActionsUntilTheClosingLine() throws Exception {
    assertFalse(parser.inTransaction());
    assertEquals("None", parse("transaction("));
    assertTrue(parser.inTransaction());
    assertEquals("TRANS> ", parser.prompt());
    assertEquals("None", parse("block-dirty-bitmap-add node=drive0 name=bitmap1"));
    assertEquals("None", parse(""));
    assertEquals("None", parse("block-dirty-bitmap-clear node=drive0 name=bitmap0"));
    CommandParser.Parsed p = parser.parse(")");
    assertEquals("{\"execute\": \"transaction\", \"arguments\": {\"actions\": ["
        + "{\"type\": \"block-dirty-bitmap-add\", \"data\": {\"node\": \"drive0\", \"name\": \"bitmap1\"}}, "
        + "{\"type\": \"block-dirty-bitmap-clear\", \"data\": {\"node\": \"drive0\", \"name\": \"bitmap0\"}}]}}",
        JsonText.compact(p.message()));
    assertEquals(List.of("actions[0].data.node", "actions[0].data.name", "actions[1].data.node", "actions[1].data.name"),
        p.args().stream().map(CommandParser.Arg::path).toList());
    assertEquals("(QEMU) ", parser.prompt());
    assertEquals("{\"execute\": \"transaction\", \"arguments\": {\"actions\": [{\"type\": \"abort\", \"data\": {}}]}}",
        parse("transaction( abort )"));
  }

  @Test
  void nothingAfterTheClosingParenthesis() throws Exception {
    parse("transaction(");
    assertEquals("Unexpected input after close of Transaction sub-shell", error(") more"));
    assertFalse(parser.inTransaction());
  }

  @Test
  void emptyLinesSendNothing() throws Exception {
    assertNull(parser.parse(""));
    assertNull(parser.parse("   \t"));
  }

  @Test
  void syntaxErrorReadsAsQmpShells() {
    assertEquals("Error while parsing command line: Expected a key=value pair, got 'b'\n"
        + "command format: <command-name> [arg-name1=arg1] ... [arg-nameN=argN",
        CommandParser.syntaxError(new ShellSyntaxException("Expected a key=value pair, got 'b'")));
  }

  @Test
  void wordsKeepTheirQuotesAndPlaces() {
    assertEquals(List.of(new CommandParser.Word("x", 0, 1), new CommandParser.Word("a=\"b c\"", 2, 9),
        new CommandParser.Word("d='e f'", 10, 17)), CommandParser.words("x a=\"b c\" d='e f'"));
  }

  /**
   * Every session of {@code qmp-shell-lines.jsonl} gives what QEMU 7.2's qmp-shell gives
   * ({@code qmp-shell-lines.expected}, recorded from it with {@code qmp_shell_parse.py}).
   */
  @Test
  void sameCommandsAsQmpShellRecorded() throws Exception {
    assertEquals(resource("qmp-shell-lines.expected"), ours(resource("qmp-shell-lines.jsonl")));
  }

  /** The same, with QEMU's own qmp-shell run now on the same lines. */
  @Test
  void sameCommandsAsQemusQmpShell() throws Exception {
    Path python = Peers.program("python3").orElse(null);
    Peers.require(python != null, "python3 is not installed");
    Path sources = Peers.qemuSource("python");
    String lines = resource("qmp-shell-lines.jsonl");
    ProcessBuilder b = new ProcessBuilder(python.toString(), "-c", resource("qmp_shell_parse.py"));
    b.environment().put("PYTHONPATH", sources.toString());
    b.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = b.start();
    try (var in = p.getOutputStream()) {
      in.write(lines.getBytes(StandardCharsets.UTF_8));
    }
    String theirs = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    assertEquals(theirs, ours(lines));
  }

  private static String ours(String sessions) {
    StringBuilder out = new StringBuilder();
    for (String session : sessions.split("\n")) {
      CommandParser parser = new CommandParser();
      List<String> lines = new ArrayList<>();
      for (JsonValue v : Json.elements(Json.parse(session))) {
        lines.add(Json.string(v));
      }
      for (String line : lines) {
        try {
          CommandParser.Parsed p = parser.parse(line);
          out.append(p == null ? "None" : JsonText.compact(p.message())).append('\n');
        } catch (ShellSyntaxException e) {
          out.append("ERROR: ").append(e.getMessage()).append('\n');
        }
      }
    }
    return out.toString();
  }

  static String resource(String name) throws IOException {
    try (InputStream in = CommandParserTest.class.getResourceAsStream("/shell/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
