package org.qapi4j.cli;

import java.io.File;
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
 * scratch directory: what javac and the processor report, and what was generated.
 * {@link SchemaReport} says it of the schema the sources were imported from.
 */
final class ViaJavac {
  /**
   * The outcome of a compilation.
   *
   * @param messages javac's and the processor's errors and notes, in the order reported
   * @param output the class output directory (classes and the introspection resources), or null
   */
  record Result(List<Message> messages, Path output) {
    /** Each error as {@code File.java:LINE: error: message}, as javac prints it. */
    List<String> errors() {
      return messages.stream().filter(m -> m.kind() == Diagnostic.Kind.ERROR).map(Message::toString).toList();
    }
  }

  /**
   * An error or note of javac's or the processor's.
   *
   * @param file the file it is in: relative to the source root for a source compiled, the file
   *     name alone for another (a file the processor generated); "" for none
   * @param source whether {@code file} is one of the sources compiled
   * @param line its line in the file, 1-based; 0 for none
   */
  record Message(Diagnostic.Kind kind, String file, boolean source, long line, String text) {
    @Override
    public String toString() {
      String where = file.isEmpty() ? "" : file + ":" + line + ": ";
      return where + (kind == Diagnostic.Kind.ERROR ? "error: " : "note: ") + text;
    }
  }

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
    List<Message> messages = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR && d.getKind() != Diagnostic.Kind.NOTE) {
        continue;
      }
      String file = "";
      boolean source = false;
      long line = 0;
      if (d.getSource() != null) {
        Path p = Path.of(d.getSource().toUri());
        source = p.startsWith(src);
        // Named as the files map names them ('/' whatever the platform's separator).
        file = (source ? src.relativize(p) : p.getFileName()).toString().replace(File.separatorChar, '/');
        line = Math.max(d.getLineNumber(), 0);
      }
      messages.add(new Message(d.getKind(), file, source, line, d.getMessage(Locale.ROOT)));
    }
    return new Result(messages, out);
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
