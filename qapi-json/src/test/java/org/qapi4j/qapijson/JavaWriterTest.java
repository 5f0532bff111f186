package org.qapi4j.qapijson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The importer's Java: names derived back, {@code @Name} where they would not be, docs, conditions. */
class JavaWriterTest {
  private static Map<String, String> imported(Path dir, String schema) throws IOException {
    Files.writeString(dir.resolve("s.json"), schema);
    QapiSchemaReader.Result r = QapiSchemaReader.read(dir, "s.json");
    assertEquals("", String.join("\n", r.errors()));
    return JavaWriter.write(r.schema().orElseThrow(), r.docsByDefinition(), "p");
  }

  @Test
  void namesAreDerivedBackOrGiven(@TempDir Path dir) throws IOException {
    Map<String, String> files = imported(dir, String.join("\n",
        "{ 'pragma': { 'command-name-exceptions': [ 'device_add' ] } }",
        "{ 'enum': 'Arch', 'data': [ '3d', 'aarch64', 'ppc-64' ] }",
        "{ 'struct': 'Sock', 'data': { 'wait': 'bool', '*node-name': 'str', 'n': 'uint8' } }",
        "{ 'command': 'device_add', 'data': { 'arch': 'Arch' } }",
        "{ 'command': 'query-sock', 'returns': 'Sock', 'if': { 'all': [ 'A', { 'not': 'B' } ] } }",
        "{ 'event': 'SOCK_READY', 'data': { 'sock': 'Sock' } }"));
    assertEquals(String.join("\n",
        "package p;",
        "",
        "import org.qapi4j.annotations.Name;",
        "",
        "public enum Arch {",
        "  @Name(\"3d\")",
        "  _3D,",
        "",
        "  AARCH64,",
        "",
        "  PPC_64",
        "}",
        ""), files.get("p/Arch.java"));
    assertEquals(String.join("\n",
        "package p;",
        "",
        "import org.qapi4j.annotations.Name;",
        "import org.qapi4j.annotations.Optional;",
        "import org.qapi4j.annotations.Type;",
        "",
        "public record Sock(",
        "    @Name(\"wait\") boolean wait_,",
        "    @Optional String nodeName,",
        "    @Type(\"uint8\") short n",
        ") {}",
        ""), files.get("p/Sock.java"));
    String commands = files.get("p/SCommands.java");
    assertTrue(commands.contains("  @Command(name = \"device_add\")\n  void deviceAdd(Arch arch);\n"), commands);
    assertTrue(commands.contains("  @If(\"all(A, not(B))\")\n  @Command\n  Sock querySock();\n"), commands);
    assertTrue(files.get("p/SEvents.java").contains("  @Event\n  void sockReady(Sock sock);\n"));
    String root = files.get("p/SSchema.java");
    assertTrue(root.contains("commandNameExceptions = \"device_add\""), root);
    assertTrue(root.contains("definitionOrder = {\n        \"device_add\",\n        \"query-sock\",\n"
        + "        \"SOCK_READY\"\n    }"), root);
  }

  @Test
  void docCommentsBecomeJavadoc(@TempDir Path dir) throws IOException {
    Map<String, String> files = imported(dir, String.join("\n",
        "##",
        "# @Thing:",
        "#",
        "# A thing, see @other-thing. 1 < 2 & */ \\u0041",
        "#",
        "# @size: its size",
        "#",
        "# Since: 7.2",
        "##",
        "{ 'struct': 'Thing', 'data': { 'size': 'int' } }"));
    assertEquals(String.join("\n",
        "package p;",
        "",
        "/**",
        " * A thing, see {@code other-thing}. 1 &lt; 2 &amp; *&#47; &#92;u0041",
        " *",
        " * <p>Since: 7.2",
        " *",
        " * @param size its size",
        " */",
        "public record Thing(",
        "    long size",
        ") {}",
        ""), files.get("p/Thing.java"));
  }

  @Test
  void javadocNamesModulesRelativeToTheSchemasDirectory(@TempDir Path dir) throws IOException {
    // Read as `qapi4j import /abs/path/main.json` reads it: by an absolute path. The Javadoc must
    // not carry the directory of the machine that imported it.
    Path root = dir.resolve("schema");
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("main.json"), String.join("\n",
        "{ 'include': 'sub/block.json' }",
        "{ 'command': 'main-cmd' }",
        "{ 'event': 'MAIN_EVENT' }"));
    Files.writeString(root.resolve("sub/block.json"), "{ 'command': 'block-cmd' }\n");
    QapiSchemaReader.Result r = QapiSchemaReader.read(Path.of(""), root.resolve("main.json").toAbsolutePath().toString());
    assertEquals("", String.join("\n", r.errors()));
    assertEquals(2, r.files().size(), r.files().toString());
    Map<String, String> files = JavaWriter.write(r.schema().orElseThrow(), r.docsByDefinition(), "p");
    assertTrue(files.get("p/MainCommands.java").contains("The commands of QAPI module {@code main.json}."),
        files.get("p/MainCommands.java"));
    assertTrue(files.get("p/MainEvents.java").contains("The events of QAPI module {@code main.json}."));
    assertTrue(files.get("p/BlockCommands.java").contains("The commands of QAPI module {@code sub/block.json}."),
        files.get("p/BlockCommands.java"));
    String absolute = dir.toAbsolutePath().toString();
    files.forEach((name, text) -> assertTrue(!text.contains(absolute), name + " names " + absolute));
  }
}
