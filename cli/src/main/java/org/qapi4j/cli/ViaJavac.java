package org.qapi4j.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.qapi4j.processor.Qapi4jProcessor;
import org.qapi4j.processor.gen.Directions;

/**
 * Compiles Java sources (an imported schema) in-process with javac and the qapi4j processor, in a
 * scratch directory: the errors javac and the processor report, and what was generated.
 */
final class ViaJavac {
  /**
   * The outcome of a compilation.
   *
   * @param errors each error as {@code File.java:LINE: error: message}, file names relative to the
   *     source root
   * @param output the class output directory (classes and the introspection resources), or null
   */
  record Result(List<String> errors, Path output) {}

  private ViaJavac() {}

  /**
   * Compiles {@code files} (relative path to source) with {@code -Aqapi4j.defined=defined}, the
   * server's side of the generated code.
   */
  static Result compile(Map<String, String> files, Set<String> defined, Path scratch) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IOException("no Java compiler in this runtime: run qapi4j with a JDK, not a JRE");
    }
    Path src = scratch.resolve("src");
    Path out = scratch.resolve("classes");
    Path gen = scratch.resolve("generated");
    Files.createDirectories(out);
    Files.createDirectories(gen);
    List<Path> sources = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = src.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
      sources.add(p);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of(
          "--release", "17",
          "-classpath", System.getProperty("java.class.path"),
          "-d", out.toString(),
          "-s", gen.toString(),
          "-Xmaxerrs", "10000",
          // The server's side only: what the rules check, in half the marshalling code (the
          // clients are built from the same model and tables; the qemu module compiles them).
          "-A" + Directions.SIDE_OPTION + "=server",
          "-A" + Qapi4jProcessor.DEFINED_OPTION + "=" + String.join(",", defined));
      JavaCompiler.CompilationTask task = javac.getTask(
          new StringWriter(), fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new Qapi4jProcessor()));
      task.call();
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      String where = "";
      if (d.getSource() != null) {
        Path p = Path.of(d.getSource().toUri());
        where = (p.startsWith(src) ? src.relativize(p) : p.getFileName()) + ":" + d.getLineNumber() + ": ";
      }
      errors.add(where + "error: " + d.getMessage(Locale.ROOT));
    }
    return new Result(errors, out);
  }

  /** Deletes a scratch directory and everything in it. */
  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
