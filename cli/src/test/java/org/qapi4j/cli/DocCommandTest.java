package org.qapi4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.testsupport.Chromium;

/** {@code qapi4j doc}: the manual of a QAPI JSON schema, and of the sample VM's Java schema. */
class DocCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Path cwd, String... args) {
    return Main.run(args, cwd, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aQapiJsonSchemasManual(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("s.json"), String.join("\n",
        "##",
        "# @stop:",
        "#",
        "# Stops the guest.",
        "#",
        "# Since: 0.14",
        "##",
        "{ 'command': 'stop' }",
        "##",
        "# @spice:",
        "##",
        "{ 'command': 'spice', 'if': 'CONFIG_SPICE' }",
        ""));
    assertEquals(0, run(dir, "doc", "--title", "S", "--out", "m", "s.json"), err.toString(StandardCharsets.UTF_8));
    assertEquals("wrote " + dir.resolve("m/index.html") + " (2 commands, 0 events, 0 types)\n",
        out.toString(StandardCharsets.UTF_8));
    String html = Files.readString(dir.resolve("m/index.html"));
    assertTrue(html.contains("<title>S</title>"), html);
    assertTrue(html.contains("<p>Stops the guest.</p>"), html);
    assertTrue(Files.readString(dir.resolve("m/manual.css")).contains(".definition"));
    out.reset();
    assertEquals(0, run(dir, "doc", "--defined", "CONFIG_KVM", "--out", "m2", "s.json"));
    assertEquals("wrote " + dir.resolve("m2/index.html") + " (1 commands, 0 events, 0 types)\n",
        out.toString(StandardCharsets.UTF_8));
    String built = Files.readString(dir.resolve("m2/index.html"));
    assertTrue(built.contains("<title>s QMP Reference Manual</title>") && !built.contains("spice"), built);
  }

  @Test
  void usageAndSchemaErrors(@TempDir Path dir) throws IOException {
    assertEquals(2, run(dir, "doc", "s.json"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("qapi4j: doc needs --out and a schema\nusage: qapi4j"));
    err.reset();
    assertEquals(2, run(dir, "doc", "--out", "m", "--source-path", "src", "s.json"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("qapi4j: --source-path is for doc --java\n"));
    err.reset();
    Files.writeString(dir.resolve("bad.json"), "{ 'command': 'a', 'data': { 'x': 'Nope' } }\n");
    assertEquals(1, run(dir, "doc", "--out", "m", "bad.json"));
    assertEquals("bad.json: In command 'a':\nbad.json:1: parameter 'x' uses unknown type 'Nope'\n",
        err.toString(StandardCharsets.UTF_8));
    assertTrue(!Files.exists(dir.resolve("m")));
  }

  /** The sample VM's manual, from its Java schema's Javadoc, and a look at it in Chromium. */
  @Test
  void theSampleVmsManualFromItsJavaSchema() throws Exception {
    Path dir = Path.of("target", "manual", "sample-vm").toAbsolutePath();
    Path sources = Path.of("..", "sample-vm", "src", "main", "java").toAbsolutePath().normalize();
    assertEquals(0, run(Path.of(""), "doc", "--java", "--source-path", sources.toString(),
        "--title", "Sample VM QMP Reference", "--out", dir.toString(), "org.qapi4j.samplevm.schema.SampleVmSchema"),
        err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("wrote " + dir.resolve("index.html") + " ("),
        out.toString(StandardCharsets.UTF_8));
    String html = Files.readString(dir.resolve("index.html"));
    String status = entry(html, "command-query-status");
    assertEquals(String.join("\n",
        "<section class=\"definition command\" id=\"command-query-status\">",
        "<h3><span class=\"kind\">Command</span> <code>query-status</code></h3>",
        "<p class=\"facts\"><span class=\"flags\">allow-preconfig</span></p>",
        "<div class=\"body\">",
        "<p>Returns the run status of the virtual CPUs.</p>",
        "</div>",
        "<h4>Returns</h4>",
        "<div class=\"returns\"><p class=\"type\"><a href=\"#type-StatusInfo\"><code>StatusInfo</code></a></p>",
        "</div>",
        "</section>"), status);
    // The commands interface is the module, its Javadoc the module's text.
    assertTrue(html.contains("<section class=\"module\" id=\"module-RunStateCommands\">\n"
        + "<p class=\"module-name\">RunStateCommands</p>\n<h2>RunStateCommands</h2>\n<div class=\"text\">\n"
        + "<p>From QEMU's <code>qapi/run-state.json</code>.</p>\n</div>\n"), html);
    assertTrue(entry(html, "type-StatusInfo").contains("<p>The run status of the virtual CPUs.</p>"), html);
    assertTrue(entry(html, "type-RunState").contains("<dt><code>guest-panicked</code></dt>"), html);
    assertEquals(Set.of(), broken(html));
    Chromium chromium = Chromium.installed();
    Map<String, String> found = chromium.check(dir.resolve("index.html"), "0px");
    assertEquals("", found.get("missing"));
    assertEquals("true", found.get("styled"));
    Path png = dir.resolve("query-status.png");
    chromium.screenshot(dir.resolve("index.html"), "command-query-status", png, 1000, 600);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(Files.readAllBytes(png), 4));
  }

  private static String entry(String html, String id) {
    int start = html.lastIndexOf("<section", html.indexOf("id=\"" + id + "\""));
    return html.substring(start, html.indexOf("</section>", start) + "</section>".length());
  }

  private static Set<String> broken(String html) {
    Set<String> missing = new TreeSet<>();
    Matcher m = Pattern.compile(" href=\"#([^\"]*)\"").matcher(html);
    while (m.find()) {
      if (!html.contains(" id=\"" + m.group(1) + "\"")) {
        missing.add(m.group(1));
      }
    }
    return missing;
  }
}
