package org.qapi4j.processor.read;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.qapi4j.model.Schema;
import org.qapi4j.model.check.Rule;
import org.qapi4j.model.check.SchemaChecker;
import org.qapi4j.model.doc.SchemaDoc;

/**
 * A Java schema and its Javadoc, read by a small javac run in this process, for its reference
 * manual ({@code qapi4j doc --java}, the Maven plugin's {@code doc} goal): the root interface's
 * source file is compiled {@code -proc:only} against the source path (which brings in the rest of
 * the schema) with a processor that hands the root to the processor's front end,
 * {@link JavaReader}, and its Javadoc to {@link JavaDocReader}. Nothing is written.
 */
public final class JavaSchemaDoc {
  /** The schema read, its documentation, and what went wrong (javac's errors, the reader's). */
  public record Result(Optional<Schema> schema, SchemaDoc doc, List<String> errors) {
    public Result {
      errors = List.copyOf(errors);
    }
  }

  private JavaSchemaDoc() {}

  /**
   * Reads the schema rooted at {@code rootClass}.
   *
   * @param sourcePath where the root's source file and the rest of the schema's sources are
   * @param classPath what the sources need besides themselves, {@code qapi4j-annotations} at least
   *     (a path-separated list)
   */
  public static Result read(List<Path> sourcePath, String classPath, String rootClass) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      return failed("reading a Java schema needs a JDK's javac; this Java has none");
    }
    Path source = null;
    for (Path dir : sourcePath) {
      Path f = dir.resolve(rootClass.replace('.', File.separatorChar) + ".java");
      if (Files.isRegularFile(f)) {
        source = f;
        break;
      }
    }
    if (source == null) {
      return failed("no source file of " + rootClass + " in the source path " + sourcePath);
    }
    List<String> options = new ArrayList<>(List.of("-proc:only", "-Xlint:none",
        "-sourcepath", String.join(File.pathSeparator, sourcePath.stream().map(Path::toString).toList()),
        "-classpath", classPath));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Reading reading = new Reading(rootClass);
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source));
      task.setProcessors(List.of(reading));
      task.call();
    } catch (java.io.IOException e) {
      return failed(e.getMessage());
    }
    List<String> errors = new ArrayList<>(reading.errors);
    if (reading.schema == null) {
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          errors.add((d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
              + d.getMessage(Locale.ROOT));
        }
      }
      if (errors.isEmpty()) {
        errors.add("could not read the schema " + rootClass);
      }
    }
    return new Result(Optional.ofNullable(reading.schema), reading.doc, errors);
  }

  private static Result failed(String error) {
    return new Result(Optional.empty(), SchemaDoc.EMPTY, List.of(error));
  }

  /** The processor of the javac run: reads the root once, in the first round. */
  private static final class Reading extends AbstractProcessor {
    private final String rootClass;
    private final List<String> errors = new ArrayList<>();
    private Schema schema;
    private SchemaDoc doc = SchemaDoc.EMPTY;
    private boolean done;

    Reading(String rootClass) {
      this.rootClass = rootClass;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      var elements = processingEnv.getElementUtils();
      TypeElement root = elements.getTypeElement(rootClass);
      if (root == null) {
        errors.add("no class " + rootClass);
        return false;
      }
      try {
        JavaReader.Result read = new JavaReader(elements).read(root);
        read.problems().forEach(p -> errors.add(p.message()));
        schema = read.schema();
        doc = new JavaDocReader(elements).read(schema);
        // The Javadoc's errors too, as the reader's; the rest of the checks are the compiler's.
        new SchemaChecker().check(schema, doc).stream()
            .filter(d -> d.rule().phase() == Rule.Phase.DOCS)
            .forEach(d -> errors.add(d.message()));
      } catch (JavaReader.Unresolved e) {
        errors.add("unresolved type " + e.getMessage() + " (is it on the class path?)");
      } catch (RuntimeException e) {
        errors.add(rootClass + ": " + e);
      }
      return false;
    }
  }
}
