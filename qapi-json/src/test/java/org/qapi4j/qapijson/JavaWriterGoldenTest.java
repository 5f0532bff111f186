package org.qapi4j.qapijson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The importer's Java, byte for byte: its layout is part of the product. The input
 * ({@code golden/importer/input/golden.json} and the files it includes) has every construct the
 * writer handles; {@code expected/} holds what it writes. As the processor's {@code GoldenTest}:
 * {@code -Dqapi4j.regenerate=true} writes the files that differ (and deletes the ones no longer
 * written) and fails them, so that the change is a diff to review before the tests pass again.
 */
class JavaWriterGoldenTest {
  private static final Path CASE = Path.of("src", "test", "resources", "golden", "importer");
  private static final Path EXPECTED = CASE.resolve("expected");
  static final String PACKAGE = "org.example.golden";

  private static Map<String, String> written;

  /** The importer's files for the golden schema, by path below the source root. */
  static synchronized Map<String, String> written() {
    if (written == null) {
      QapiSchemaReader.Result r = QapiSchemaReader.read(CASE.resolve("input"), "golden.json");
      assertEquals("", String.join("\n", r.errors()));
      written = JavaWriter.write(r.schema().orElseThrow(), r.docsByDefinition(), PACKAGE);
    }
    return written;
  }

  /** Every file written or expected, so that a file missing on either side fails. */
  static Stream<String> files() throws IOException {
    TreeSet<String> all = new TreeSet<>(written().keySet());
    if (!Files.isDirectory(EXPECTED)) {
      return all.stream();
    }
    try (Stream<Path> expected = Files.walk(EXPECTED)) {
      expected.filter(Files::isRegularFile)
          .map(f -> EXPECTED.relativize(f).toString().replace('\\', '/'))
          .forEach(all::add);
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void writtenFileMatchesGolden(String file) throws IOException {
    String actual = written().get(file);
    Path golden = EXPECTED.resolve(file);
    String expected = Files.exists(golden) ? Files.readString(golden) : null;
    if (Boolean.getBoolean("qapi4j.regenerate") && !java.util.Objects.equals(actual, expected)) {
      if (actual == null) {
        Files.delete(golden);
        fail("deleted " + golden + ", which the importer no longer writes: review with git status");
      }
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual);
      fail("rewrote " + golden + ": review the change with git diff, then run the tests again");
    }
    assertTrue(expected != null, "missing golden file " + golden + " (run with -Dqapi4j.regenerate=true)");
    assertTrue(actual != null, "the importer no longer writes " + file + " (run with -Dqapi4j.regenerate=true)");
    assertEquals(expected, actual, "written " + file + " differs from " + golden);
  }

  /**
   * Where the importer says each definition is (for {@code check --via-javac}): a type's whole
   * file; a command's or event's method, from its Javadoc to its declaration's end, the empty line
   * between two methods being neither's; every line of the root no definition's.
   */
  @Test
  void everyDefinitionIsPlacedWhereItIsWritten() {
    QapiSchemaReader.Result r = QapiSchemaReader.read(CASE.resolve("input"), "golden.json");
    JavaSources sources = JavaWriter.sources(r.schema().orElseThrow(), r.docsByDefinition(), PACKAGE);
    assertEquals(written(), sources.files());
    String dir = PACKAGE.replace('.', '/') + "/";
    JavaNames names = new JavaNames(r.schema().get());
    int methods = 0;
    for (Map.Entry<String, String> f : sources.files().entrySet()) {
      String[] lines = f.getValue().split("\n", -1);
      java.util.List<JavaSources.Placement> placed = sources.placements().getOrDefault(f.getKey(), java.util.List.of());
      if (f.getKey().equals(dir + "GoldenSchema.java")) {
        assertEquals(java.util.List.of(), placed);
        assertEquals(java.util.Optional.empty(), sources.definitionAt(f.getKey(), 9));
      } else if (f.getKey().endsWith("Commands.java") || f.getKey().endsWith("Commands2.java")
          || f.getKey().endsWith("Events.java")) {
        for (int i = 0; i < placed.size(); i++) {
          JavaSources.Placement p = placed.get(i);
          String method = f.getKey().contains("Commands")
              ? JavaNames.command(p.definition().name()) : JavaNames.event(p.definition().name());
          assertTrue(lines[p.firstLine() - 1].matches(" {2}(/\\*\\*|@\\w+).*"), f.getKey() + ":" + p.firstLine());
          assertTrue(lines[p.lastLine() - 1].endsWith(");"), f.getKey() + ":" + p.lastLine());
          assertTrue(String.join("\n", java.util.Arrays.asList(lines).subList(p.firstLine() - 1, p.lastLine()))
              .contains(" " + method + "("), f.getKey() + ": " + method);
          assertEquals(i + 1 < placed.size() ? "" : "}", lines[p.lastLine()]);
          assertEquals(java.util.Optional.of(p.definition()), sources.definitionAt(f.getKey(), p.firstLine()));
          assertEquals(java.util.Optional.of(p.definition()), sources.definitionAt(f.getKey(), p.lastLine()));
          methods++;
        }
        // The interface's own lines go to the first method.
        assertEquals(java.util.Optional.of(placed.get(0).definition()), sources.definitionAt(f.getKey(), 1));
      } else {
        assertEquals(1, placed.size(), f.getKey());
        assertEquals(1, placed.get(0).firstLine());
        assertEquals(lines.length - 1, placed.get(0).lastLine()); // the text ends in a newline
        String type = f.getKey().substring(dir.length(), f.getKey().length() - ".java".length());
        org.qapi4j.model.Definition d = placed.get(0).definition();
        if (type.equals("ShapeBase")) {
          assertEquals("union Shape", d.meta() + " " + d.name()); // an inline base is its union's
        } else {
          assertEquals(type, names.of(d));
        }
      }
    }
    assertEquals(30, methods); // every command and event of the schema's definitionOrder
  }

  /** The golden schema's own file list, so that an include the reader dropped cannot go unseen. */
  @Test
  void goldenSchemaReadsEveryModule() {
    QapiSchemaReader.Result r = QapiSchemaReader.read(CASE.resolve("input"), "golden.json");
    assertEquals("[golden.json, sub/block-core.json, sub/block-job.json, misc.json, sub/misc.json]",
        r.files().toString());
  }
}
