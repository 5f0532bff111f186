package org.qapi4j.qapijson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qapi4j.testsupport.Peers;

/**
 * QEMU 7.2's own schema test suite ({@code tests/qapi-schema} of its sources, which
 * {@code .ci/peers} fetches), and cases of our own in the same form ({@code src/test/resources/cases}): each {@code X.json} with an
 * {@code X.err} is read by the JSON front end; the errors must be exactly the {@code .err} file
 * (empty for the valid cases). For the inputs with several errors of {@code cases/first-error},
 * qapi4j's errors must begin with QEMU's one.
 */
class QemuSchemaCasesTest {
  /** Cases of our own in QEMU's form, for what QEMU's suite leaves out (their README says how they were made). */
  static final Path OWN_CASES = Path.of("src", "test", "resources", "cases");

  static Stream<String> cases() {
    return Peers.qemuSchemaCases();
  }

  static Stream<String> ownCases() throws IOException {
    return names(OWN_CASES);
  }

  static Stream<String> firstErrorCases() throws IOException {
    return names(OWN_CASES.resolve("first-error"));
  }

  private static Stream<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
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
    check(Peers.qemuSource(Peers.SCHEMA_CASES), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ownCases")
  void ownCaseMatchesQemu(String name) throws IOException {
    check(OWN_CASES, name);
  }

  /** An input with several errors: QEMU prints its first, qapi4j prints that one first and then the others. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("firstErrorCases")
  void firstErrorIsQemus(String name) throws IOException {
    Path dir = OWN_CASES.resolve("first-error");
    String expected = Files.readString(dir.resolve(name + ".err"));
    String actual = errors(QapiSchemaReader.read(dir, name + ".json"));
    assertTrue(actual.startsWith(expected) && actual.length() > expected.length(), actual);
  }

  private static String errors(QapiSchemaReader.Result result) {
    return result.errors().stream().map(e -> e + "\n").reduce("", String::concat);
  }

  private static void check(Path dir, String name) throws IOException {
    String expected = Files.readString(dir.resolve(name + ".err"));
    assertEquals(expected, errors(QapiSchemaReader.read(dir, name + ".json")));
  }
}
