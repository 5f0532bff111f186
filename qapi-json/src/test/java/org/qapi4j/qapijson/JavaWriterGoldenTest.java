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

  /** The golden schema's own file list, so that an include the reader dropped cannot go unseen. */
  @Test
  void goldenSchemaReadsEveryModule() {
    QapiSchemaReader.Result r = QapiSchemaReader.read(CASE.resolve("input"), "golden.json");
    assertEquals("[golden.json, sub/block-core.json, sub/block-job.json, misc.json, sub/misc.json]",
        r.files().toString());
  }
}
