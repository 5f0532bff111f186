package org.qapi4j.qapijson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * QEMU 7.2's own schema test suite ({@code ../shared/qemu-7.2/qapi-schema-tests}): each
 * {@code X.json} with an {@code X.err} is read by the JSON front end; the errors must be exactly
 * the {@code .err} file (empty for the valid cases).
 */
class QemuSchemaCasesTest {
  static final Path CASES =
      Path.of(System.getProperty("qapi4j.root", ".."), "..", "shared", "qemu-7.2", "qapi-schema-tests");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".err"))
          .map(n -> n.substring(0, n.length() - ".err".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesQemu(String name) throws IOException {
    String expected = Files.readString(CASES.resolve(name + ".err"));
    QapiSchemaReader.Result result = QapiSchemaReader.read(CASES, name + ".json");
    String actual = result.errors().stream().map(e -> e + "\n").reduce("", String::concat);
    assertEquals(expected, actual);
  }
}
