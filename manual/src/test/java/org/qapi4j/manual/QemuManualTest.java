package org.qapi4j.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Schema;
import org.qapi4j.qapijson.QapiSchemaReader;
import org.qapi4j.testsupport.Peers;

/** The manual of QEMU 7.2's whole QMP schema, from QEMU's sources. */
class QemuManualTest {
  /** Where the tests leave QEMU's manual, for a look and for {@link ChromiumTest}. */
  static final Path DIR = Path.of("target", "manual", "qemu");

  static Path build() throws IOException {
    QapiSchemaReader.Result r = QapiSchemaReader.read(Peers.qemuSource("qapi"), "qapi-schema.json");
    assertEquals("", String.join("\n", r.errors()));
    return Manual.write(r.schema().orElseThrow(), r.doc(), "QEMU 7.2 QMP Reference Manual", Optional.empty(), DIR);
  }

  @Test
  void everyCommandEventAndTypeHasItsEntryAndEveryLinkItsAnchor() throws IOException {
    Path page = build();
    String html = Files.readString(page);
    QapiSchemaReader.Result r = QapiSchemaReader.read(Peers.qemuSource("qapi"), "qapi-schema.json");
    Schema schema = r.schema().orElseThrow();
    List<Definition> shown = schema.definitions().stream().filter(d -> !d.implicit()).toList();
    Set<String> ids = Anchors.ids(html);
    for (Definition d : shown) {
      assertTrue(ids.contains(Manual.anchor(d)), d.name());
    }
    assertEquals(Set.of(), Anchors.broken(html));
    // As many commands and events as QEMU's files declare, counted in their text.
    assertEquals(declared("command"), schema.all(CommandDef.class).size());
    assertEquals(declared("event"), schema.all(EventDef.class).size());
    assertEquals(220, schema.all(CommandDef.class).size());
    assertEquals(52, schema.all(EventDef.class).size());
    assertTrue(html.contains("<h3>Commands (220)</h3>"), "index of commands");
    assertTrue(html.contains("<h3>Events (52)</h3>"), "index of events");
    System.out.printf("QEMU 7.2 manual: %d commands, %d events, %d types, %d modules, %d link targets, %d anchors, %d bytes%n",
        schema.all(CommandDef.class).size(), schema.all(EventDef.class).size(),
        shown.size() - schema.all(CommandDef.class).size() - schema.all(EventDef.class).size(),
        r.doc().modules().size(), Anchors.links(html).size(), ids.size(), html.length());
  }

  @Test
  void qemusOwnTextsWhereTheyBelong() throws IOException {
    String html = Files.readString(build());
    String status = ManualTest.entry(html, "command-query-status");
    assertTrue(status.contains("<h3><span class=\"kind\">Command</span> <code>query-status</code></h3>\n"
        + "<p class=\"facts\"><span class=\"since\">Since: 0.14</span> <span class=\"flags\">allow-preconfig</span></p>"),
        status);
    assertTrue(status.contains("<p class=\"type\"><a href=\"#type-StatusInfo\"><code>StatusInfo</code></a></p>"), status);
    assertTrue(status.contains("<span class=\"send\">-&gt; { &quot;execute&quot;: &quot;query-status&quot; }</span>"),
        status);
    // The first module is the main file, with QEMU's introduction; then the modules it includes.
    assertTrue(html.contains("<li><a href=\"#module-qapi-schema.json\">Introduction</a></li>\n"
        + "<li><a href=\"#module-pragma.json\">pragma.json</a></li>"), html.substring(0, 2000));
    // Deprecated members are marked, conditions shown as QEMU's manual writes them.
    String commit = ManualTest.entry(html, "command-block-commit");
    assertTrue(commit.contains("<dt><code>base</code>: <a href=\"#type-str\"><code>str</code></a>"
        + " <span class=\"optional\">(optional)</span> <span class=\"mark deprecated\">deprecated</span></dt>"), commit);
    assertTrue(ManualTest.entry(html, "command-query-spice").contains("<span class=\"if\">If: <code>CONFIG_SPICE</code></span>"));
    // A union's branches under their discriminator values.
    assertTrue(ManualTest.entry(html, "type-BlockdevOptions").contains(
        "<dt class=\"branch\">When <code>driver</code> is <code>&quot;file&quot;</code>: the members of "
            + "<a href=\"#type-BlockdevOptionsFile\"><code>BlockdevOptionsFile</code></a></dt>"));
  }

  /** The guest agent's manual, QEMU's {@code qemu-ga-ref}. */
  @Test
  void theGuestAgentsManual() throws IOException {
    QapiSchemaReader.Result r = QapiSchemaReader.read(Peers.qemuSource("qga"), "qapi-schema.json");
    assertEquals("", String.join("\n", r.errors()));
    Schema schema = r.schema().orElseThrow();
    Path page = Manual.write(schema, r.doc(), "QEMU 7.2 Guest Agent Protocol Reference", Optional.empty(),
        DIR.resolveSibling("qga"));
    String html = Files.readString(page);
    assertEquals(declared("qga", "command"), schema.all(CommandDef.class).size());
    assertTrue(html.contains("<h3>Commands (" + schema.all(CommandDef.class).size() + ")</h3>"), "index");
    assertTrue(html.contains("<h3>Events (0)</h3>"), "the agent has no events");
    assertEquals(Set.of(), Anchors.broken(html));
    String sync = ManualTest.entry(html, "command-guest-sync");
    assertTrue(sync.contains("<dt><code>id</code>: <a href=\"#type-int\"><code>int</code></a></dt>"), sync);
    assertTrue(sync.contains("<span class=\"since\">Since: 0.15.0</span>"), sync);
  }

  /** The number of {@code {'KIND': ...}} expressions in QEMU's schema files. */
  private static int declared(String kind) throws IOException {
    return declared("qapi", kind);
  }

  private static int declared(String dir, String kind) throws IOException {
    Pattern p = Pattern.compile("^\\{ *'" + kind + "'", Pattern.MULTILINE);
    int n = 0;
    try (Stream<Path> files = Files.list(Peers.qemuSource(dir))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        Matcher m = p.matcher(Files.readString(f));
        while (m.find()) {
          n++;
        }
      }
    }
    return n;
  }
}
