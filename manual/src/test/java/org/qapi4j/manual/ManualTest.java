package org.qapi4j.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.qapijson.QapiSchemaReader;

/** The manual of a small schema: its anchors, links and texts, exactly. */
class ManualTest {
  static final String MAIN = String.join("\n",
      "##",
      "# = Sample machine",
      "#",
      "# Talk to it with **QMP**::",
      "#",
      "#   -> data issued by the Client",
      "#   <- Server data response",
      "#",
      "# Please observe the following:",
      "#",
      "#     1. Errors are not documented, and",
      "#        may change",
      "#",
      "#     2. Use @query-status",
      "##",
      "",
      "{ 'include': 'run-state.json' }",
      "",
      "##",
      "# @query-status:",
      "#",
      "# Query the run status of the VM, see @StatusInfo.",
      "#",
      "# Returns: @StatusInfo reflecting the VM",
      "#",
      "# Since: 0.14",
      "#",
      "# Example:",
      "#",
      "# -> { \"execute\": \"query-status\" }",
      "# <- { \"return\": { \"running\": true,",
      "#                  \"status\": \"running\" } }",
      "##",
      "{ 'command': 'query-status', 'returns': 'StatusInfo', 'allow-preconfig': true }",
      "",
      "##",
      "# @stop:",
      "#",
      "# Stop all guest VCPU execution.",
      "#",
      "# @force: stop even if <busy>",
      "#",
      "# Features:",
      "# @deprecated: use @query-status",
      "#",
      "# Since: 0.14",
      "##",
      "{ 'command': 'stop', 'data': { '*force': 'bool', 'cpus': ['int'] }, 'features': [ 'deprecated' ],",
      "  'if': { 'all': [ 'CONFIG_A', { 'not': 'CONFIG_B' } ] } }",
      "",
      "##",
      "# @STOP:",
      "#",
      "# Emitted when the VM is stopped.",
      "##",
      "{ 'event': 'STOP', 'data': 'StatusInfo' }",
      "");
  static final String RUN_STATE = String.join("\n",
      "##",
      "# == Run state",
      "##",
      "",
      "##",
      "# @RunState:",
      "#",
      "# @running: the VM runs",
      "#",
      "# @paused: it does not",
      "##",
      "{ 'enum': 'RunState', 'data': [ 'running', 'paused', { 'name': 'x-debug', 'if': 'CONFIG_DEBUG' } ] }",
      "",
      "##",
      "# @Base:",
      "#",
      "# @running: true if running",
      "##",
      "{ 'struct': 'Base', 'data': { 'running': 'bool' } }",
      "",
      "##",
      "# @StatusInfo:",
      "#",
      "# Information about the VM's run state.",
      "#",
      "# @status: the @RunState",
      "##",
      "{ 'struct': 'StatusInfo', 'base': 'Base', 'data': { 'status': 'RunState' } }",
      "",
      "##",
      "# @Paused:",
      "##",
      "{ 'struct': 'Paused', 'data': { 'since': 'int' } }",
      "",
      "##",
      "# @Run:",
      "#",
      "# A run state, with details.",
      "#",
      "# @status: which one",
      "##",
      "{ 'union': 'Run', 'base': { 'status': 'RunState' }, 'discriminator': 'status',",
      "  'data': { 'paused': 'Paused' } }",
      "",
      "##",
      "# @Target:",
      "#",
      "# @name: by name",
      "#",
      "# @info: by value",
      "##",
      "{ 'alternate': 'Target', 'data': { 'name': 'str', 'info': 'StatusInfo' } }",
      "");

  static QapiSchemaReader.Result sample(Path dir) throws IOException {
    Files.writeString(dir.resolve("sample.json"), MAIN);
    Files.writeString(dir.resolve("run-state.json"), RUN_STATE);
    QapiSchemaReader.Result r = QapiSchemaReader.read(dir, "sample.json");
    assertEquals("", String.join("\n", r.errors()));
    return r;
  }

  static String page(Path dir) throws IOException {
    QapiSchemaReader.Result r = sample(dir);
    return Manual.render(r.schema().orElseThrow(), r.doc(), "Sample <QMP> Reference", Optional.empty());
  }

  @Test
  void everyEntryHasItsAnchorAndEveryLinkOne(@TempDir Path dir) throws IOException {
    String html = page(dir);
    assertEquals(Set.of(), Anchors.broken(html));
    for (String id : new String[] {"module-sample.json", "module-run-state.json", "command-query-status",
        "command-stop", "event-STOP", "type-RunState", "type-Base", "type-StatusInfo", "type-Paused", "type-Run",
        "type-Target", "type-str", "type-int", "type-bool", "builtin-types", "index", "index-commands"}) {
      assertTrue(Anchors.ids(html).contains(id), id);
    }
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n"), html);
    assertTrue(html.contains("<title>Sample &lt;QMP&gt; Reference</title>"), html);
    // Implicit types (q_obj_stop-arg, q_obj_Run-base) have no entry of their own.
    assertTrue(Anchors.ids(html).stream().noneMatch(id -> id.contains("q_obj")), html);
  }

  @Test
  void aCommandsEntry(@TempDir Path dir) throws IOException {
    String html = page(dir);
    assertEquals(String.join("\n",
            "<section class=\"definition command\" id=\"command-query-status\">",
            "<h3><span class=\"kind\">Command</span> <code>query-status</code></h3>",
            "<p class=\"facts\"><span class=\"since\">Since: 0.14</span> <span class=\"flags\">allow-preconfig</span></p>",
            "<div class=\"body\">",
            "<p>Query the run status of the VM, see <a href=\"#type-StatusInfo\"><code>StatusInfo</code></a>.</p>",
            "</div>",
            "<h4>Returns</h4>",
            "<div class=\"returns\"><p class=\"type\"><a href=\"#type-StatusInfo\"><code>StatusInfo</code></a></p>",
            "<p><a href=\"#type-StatusInfo\"><code>StatusInfo</code></a> reflecting the VM</p>",
            "</div>",
            "<h4>Example</h4>",
            "<pre class=\"example\"><span class=\"send\">-&gt; { &quot;execute&quot;: &quot;query-status&quot; }</span>",
            "<span class=\"receive\">&lt;- { &quot;return&quot;: { &quot;running&quot;: true,</span>",
            "<span class=\"receive\">                 &quot;status&quot;: &quot;running&quot; } }</span>",
            "</pre>",
            "</section>"),
        entry(html, "command-query-status"));
  }

  @Test
  void argumentsFeaturesAndConditions(@TempDir Path dir) throws IOException {
    String html = page(dir);
    assertEquals(String.join("\n",
            "<section class=\"definition command\" id=\"command-stop\">",
            "<h3><span class=\"kind\">Command</span> <code>stop</code> <span class=\"mark deprecated\">deprecated</span></h3>",
            "<p class=\"facts\"><span class=\"since\">Since: 0.14</span> <span class=\"if\">If: <code>(CONFIG_A and not CONFIG_B)</code></span></p>",
            "<div class=\"body\">",
            "<p>Stop all guest VCPU execution.</p>",
            "</div>",
            "<h4>Arguments</h4>",
            "<dl class=\"members\">",
            "<dt><code>force</code>: <a href=\"#type-bool\"><code>bool</code></a> <span class=\"optional\">(optional)</span></dt>",
            "<dd><p>stop even if &lt;busy&gt;</p>",
            "</dd>",
            "<dt><code>cpus</code>: [<a href=\"#type-int\"><code>int</code></a>]</dt>",
            "<dd><p class=\"undocumented\">Not documented</p>",
            "</dd>",
            "</dl>",
            "<h4>Features</h4>",
            "<dl class=\"features\">",
            "<dt><code>deprecated</code></dt>",
            "<dd><p>use <a href=\"#command-query-status\"><code>query-status</code></a></p>",
            "</dd>",
            "</dl>",
            "</section>"),
        entry(html, "command-stop"));
  }

  @Test
  void inheritedAndBranchMembers(@TempDir Path dir) throws IOException {
    String html = page(dir);
    String status = entry(html, "type-StatusInfo");
    assertTrue(status.contains(String.join("\n",
        "<dl class=\"members\">",
        "<dt><code>running</code>: <a href=\"#type-bool\"><code>bool</code></a> <span class=\"from\">(from <a href=\"#type-Base\"><code>Base</code></a>)</span></dt>",
        "<dd><p>true if running</p>",
        "</dd>",
        "<dt><code>status</code>: <a href=\"#type-RunState\"><code>RunState</code></a></dt>",
        "<dd><p>the <a href=\"#type-RunState\"><code>RunState</code></a></p>",
        "</dd>",
        "</dl>")), status);
    String run = entry(html, "type-Run");
    assertTrue(run.contains(String.join("\n",
        "<dt><code>status</code>: <a href=\"#type-RunState\"><code>RunState</code></a></dt>",
        "<dd><p>which one</p>",
        "</dd>",
        "<dt class=\"branch\">When <code>status</code> is <code>&quot;paused&quot;</code>: the members of <a href=\"#type-Paused\"><code>Paused</code></a></dt>",
        "<dd><dl class=\"members branch\">",
        "<dt><code>since</code>: <a href=\"#type-int\"><code>int</code></a></dt>")), run);
    // The event's data is a named struct: its members, the inherited one first.
    String stop = entry(html, "event-STOP");
    assertTrue(stop.contains("<p>The members of <a href=\"#type-StatusInfo\"><code>StatusInfo</code></a>:</p>\n"
        + "<dl class=\"members\">\n<dt><code>running</code>"), stop);
  }

  @Test
  void enumValuesAndAlternatives(@TempDir Path dir) throws IOException {
    String html = page(dir);
    assertTrue(entry(html, "type-RunState").contains(String.join("\n",
        "<h4>Values</h4>",
        "<dl class=\"members values\">",
        "<dt><code>running</code></dt>",
        "<dd><p>the VM runs</p>",
        "</dd>",
        "<dt><code>paused</code></dt>",
        "<dd><p>it does not</p>",
        "</dd>",
        "<dt><code>x-debug</code> <span class=\"if\">If: <code>CONFIG_DEBUG</code></span></dt>",
        "<dd><p class=\"undocumented\">Not documented</p>",
        "</dd>",
        "</dl>")), html);
    assertTrue(entry(html, "type-Target").contains(String.join("\n",
        "<h3><span class=\"kind\">Alternate</span> <code>Target</code></h3>",
        "<h4>Alternatives</h4>",
        "<dl class=\"members alternatives\">",
        "<dt><code>name</code>: <a href=\"#type-str\"><code>str</code></a></dt>",
        "<dd><p>by name</p>",
        "</dd>",
        "<dt><code>info</code>: <a href=\"#type-StatusInfo\"><code>StatusInfo</code></a></dt>")), html);
  }

  @Test
  void modulesInIncludeOrderWithTheirText(@TempDir Path dir) throws IOException {
    String html = page(dir);
    assertTrue(html.contains(String.join("\n",
        "<nav id=\"contents\"><h2>Contents</h2>",
        "<ul>",
        "<li><a href=\"#module-sample.json\">Sample machine</a></li>",
        "<li><a href=\"#module-run-state.json\">Run state</a></li>",
        "<li><a href=\"#builtin-types\">Built-in types</a></li>",
        "<li><a href=\"#index\">Index</a></li>",
        "</ul>")), html);
    assertTrue(html.contains(String.join("\n",
        "<section class=\"module\" id=\"module-sample.json\">",
        "<p class=\"module-name\">sample.json</p>",
        "<div class=\"text\">",
        "<h2>Sample machine</h2>",
        "<p>Talk to it with <strong>QMP</strong>:</p>",
        "<pre><code>-&gt; data issued by the Client",
        "&lt;- Server data response",
        "</code></pre>",
        "<p>Please observe the following:</p>",
        "<blockquote>",
        "<ol>",
        "<li>",
        "<p>Errors are not documented, and",
        "may change</p>",
        "</li>",
        "<li>",
        "<p>Use <a href=\"#command-query-status\"><code>query-status</code></a></p>",
        "</li>",
        "</ol>",
        "</blockquote>",
        "</div>")), html);
    assertTrue(html.indexOf("id=\"module-sample.json\"") < html.indexOf("id=\"module-run-state.json\""));
    // One section per module: the main file's definitions, then the included file's.
    assertTrue(html.indexOf("id=\"command-query-status\"") < html.indexOf("id=\"module-run-state.json\""));
  }

  @Test
  void theIndexListsCommandsEventsAndTypes(@TempDir Path dir) throws IOException {
    String html = page(dir);
    assertTrue(html.contains(String.join("\n",
        "<div class=\"index-list\" id=\"index-commands\">",
        "<h3>Commands (2)</h3>",
        "<ul>",
        "<li><a href=\"#command-query-status\"><code>query-status</code></a></li>",
        "<li><a href=\"#command-stop\"><code>stop</code></a> <span class=\"mark deprecated\">deprecated</span></li>",
        "</ul>")), html);
    assertTrue(html.contains("<h3>Events (1)</h3>\n<ul>\n<li><a href=\"#event-STOP\"><code>STOP</code></a></li>\n"),
        html);
    assertTrue(html.contains("<h3>Types (6)</h3>\n<ul>\n<li><a href=\"#type-Base\"><code>Base</code></a></li>\n"
        + "<li><a href=\"#type-Paused\">"), html);
  }

  @Test
  void aBuildsSymbolsLeaveOutWhatItDoesNotHave(@TempDir Path dir) throws IOException {
    QapiSchemaReader.Result r = sample(dir);
    String html = Manual.render(r.schema().orElseThrow(), r.doc(), "t", Optional.of(Set.of("CONFIG_A")));
    assertTrue(html.contains("id=\"command-stop\""));
    assertTrue(!html.contains("x-debug"), html);
    String other = Manual.render(r.schema().orElseThrow(), r.doc(), "t", Optional.of(Set.of("CONFIG_B")));
    assertTrue(!other.contains("command-stop"), other);
    assertEquals(Set.of(), Anchors.broken(other));
  }

  /** The section of the entry with anchor {@code id}. */
  static String entry(String html, String id) {
    int start = html.indexOf("<section class=\"definition");
    start = html.lastIndexOf("<section", html.indexOf("id=\"" + id + "\""));
    int end = html.indexOf("</section>", start) + "</section>".length();
    return html.substring(start, end);
  }
}
