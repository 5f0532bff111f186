package org.qapi4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of {@code src/test/resources/cases}: each directory holds a small schema (its
 * first line says what it tests) and {@code expected.err}, the diagnostics javac must print, one
 * per line as {@code File.java:LINE: kind: message}, in file and line order. A case without
 * {@code expected.err} must compile without any diagnostic. {@code -Dqapi4j.regenerate=true}
 * writes what javac printed where it differs from the expectation, and fails that case (the
 * change is then a diff to review); it never deletes an expectation.
 */
class CaseTest {
  private static final Path CASES = Path.of("src", "test", "resources", "cases");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseReportsExactlyItsDiagnostics(String name) throws IOException {
    Path dir = CASES.resolve(name);
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new Qapi4jProcessor())
            .withOptions("-Xlint:all,-processing")
            .compile(sources(dir));
    String actual = render(compilation.diagnostics());
    Path expected = dir.resolve("expected.err");
    String wanted = Files.exists(expected) ? Files.readString(expected) : "";
    if (Boolean.getBoolean("qapi4j.regenerate") && !wanted.equals(actual)) {
      // Never deletes an expectation, and never passes after writing one: the new text is a
      // diff to review (git diff), then to run again without the flag.
      assertFalse(actual.isEmpty(), "case " + name + " no longer reports anything: delete " + expected + " by hand if that is right");
      Files.writeString(expected, actual);
      fail("rewrote " + expected + ": review the change with git diff, then run the tests again");
    }
    assertEquals(wanted, actual, "diagnostics of case " + name);
    if (wanted.isEmpty()) {
      assertTrue(compilation.status() == Compilation.Status.SUCCESS, "case " + name + " must compile");
    }
  }

  private static List<JavaFileObject> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .sorted()
          .map(
              f -> {
                try {
                  String file = f.getFileName().toString();
                  String source = Files.readString(f);
                  String pkg = packageOf(source);
                  String binary = (pkg.isEmpty() ? "" : pkg + ".") + file.substring(0, file.length() - 5);
                  return JavaFileObjects.forSourceString(binary, source);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  private static String packageOf(String source) {
    for (String line : source.split("\n")) {
      if (line.startsWith("package ")) {
        return line.substring("package ".length(), line.indexOf(';')).trim();
      }
    }
    return "";
  }

  private static String render(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .sorted(
            Comparator.<Diagnostic<? extends JavaFileObject>, String>comparing(CaseTest::file)
                .thenComparingLong(Diagnostic::getLineNumber))
        .map(
            d ->
                file(d) + ":" + d.getLineNumber() + ": "
                    + d.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                    + d.getMessage(Locale.ROOT) + "\n")
        .collect(Collectors.joining());
  }

  private static String file(Diagnostic<? extends JavaFileObject> d) {
    if (d.getSource() == null) {
      return "<none>";
    }
    String name = d.getSource().getName();
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
