package org.qapi4j.qapijson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.model.doc.DefinitionDoc;
import org.qapi4j.model.doc.ModuleDoc;
import org.qapi4j.model.doc.SchemaDoc;

/** The documentation model the reader makes of {@code ##} comments, for the reference manual. */
class SchemaDocTest {
  @Test
  void modulesInIncludeOrderWithTheirTextAndDefinitions(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.json"), String.join("\n",
        "##",
        "# = Introduction",
        "#",
        "# The *sample* schema.",
        "##",
        "{ 'include': 'run.json' }",
        "##",
        "# @ping:",
        "#",
        "# Checks the monitor.",
        "#",
        "# Since: 0.14",
        "##",
        "{ 'command': 'ping' }",
        ""));
    Files.writeString(dir.resolve("run.json"), String.join("\n",
        "{ 'struct': 'Undocumented', 'data': { 'a': 'int' } }",
        "",
        "##",
        "# == Run state",
        "##",
        "",
        "##",
        "# @stop:",
        "#",
        "# Stops the guest.",
        "#",
        "# @force: even if busy",
        "#",
        "# @quiet: undocumented below",
        "#",
        "# Features:",
        "# @unstable: may change",
        "#",
        "# Returns: nothing",
        "#",
        "# Since: 7.2",
        "#",
        "# TODO: left out",
        "#",
        "# Example:",
        "#",
        "# -> { \"execute\": \"stop\" }",
        "# <- { \"return\": {} }",
        "##",
        "{ 'command': 'stop', 'data': { 'force': 'bool', '*quiet': 'bool' }, 'features': [ 'unstable' ] }",
        ""));
    QapiSchemaReader.Result r = QapiSchemaReader.read(dir, "main.json");
    assertEquals("", String.join("\n", r.errors()));
    SchemaDoc doc = r.doc();
    assertEquals(List.of(
            new ModuleDoc("main.json", List.of(
                new ModuleDoc.Text("= Introduction\n\nThe *sample* schema."), new ModuleDoc.Definition("ping"))),
            new ModuleDoc("run.json", List.of(
                new ModuleDoc.Definition("Undocumented"), new ModuleDoc.Text("== Run state"),
                new ModuleDoc.Definition("stop")))),
        doc.modules());
    assertEquals(List.of("ping", "stop"), List.copyOf(doc.definitions().keySet()));
    DefinitionDoc stop = doc.of("stop").orElseThrow();
    assertEquals("Stops the guest.", stop.body());
    assertEquals(Map.of("force", "even if busy", "quiet", "undocumented below"), stop.members());
    assertEquals(Map.of("unstable", "may change"), stop.features());
    assertEquals(List.of(
            new DefinitionDoc.Section("Returns", "nothing"),
            new DefinitionDoc.Section("Since", "7.2"),
            new DefinitionDoc.Section("Example", "-> { \"execute\": \"stop\" }\n<- { \"return\": {} }")),
        stop.sections());
    assertEquals("7.2", stop.since().orElseThrow());
    assertEquals("0.14", doc.of("ping").orElseThrow().since().orElseThrow());
    // Modules are named relative to the main file's directory, however the schema was named.
    QapiSchemaReader.Result fromAbove = QapiSchemaReader.read(dir.getParent(), dir.getFileName() + "/main.json");
    assertEquals(List.of("main.json", "run.json"),
        fromAbove.doc().modules().stream().map(ModuleDoc::name).toList());
  }
}
