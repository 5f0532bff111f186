package org.qapi4j.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.qapi4j.manual.Manual;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Schema;
import org.qapi4j.model.doc.SchemaDoc;
import org.qapi4j.processor.read.JavaSchemaDoc;
import org.qapi4j.qapijson.QapiSchemaReader;

/**
 * Writes a schema's reference manual, as {@code qapi4j doc} does: {@code index.html} and
 * {@code manual.css} in {@link #outputDirectory}, from a QAPI JSON schema's {@code ##} comments
 * ({@link #schema}) or from the Javadoc of the project's Java schema ({@link #rootClass}, read
 * from the project's compile source roots against its compile class path, as
 * {@code qapi4j doc --java} reads it). A schema error fails the build, each line of it logged as
 * an error, as for the import goal.
 */
@Mojo(name = "doc", defaultPhase = LifecyclePhase.PREPARE_PACKAGE, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public class DocMojo extends AbstractMojo {
  /** A QAPI JSON schema's main file; the files it includes are found relative to it. */
  @Parameter(property = "qapi4j.schema")
  File schema;

  /** Or: the qualified name of the {@code @Schema} interface of the project's Java schema. */
  @Parameter(property = "qapi4j.rootClass")
  String rootClass;

  /** Where the manual goes. */
  @Parameter(property = "qapi4j.manualDirectory", defaultValue = "${project.build.directory}/qapi4j-manual")
  File outputDirectory;

  /** The manual's title; by default the schema's name followed by "QMP Reference Manual". */
  @Parameter(property = "qapi4j.title")
  String title;

  /**
   * The 'if' symbols of a build: what a build without them lacks is left out of the manual. Unset,
   * the manual shows everything, each definition with its condition.
   */
  @Parameter(property = "qapi4j.manualDefined")
  List<String> defined;

  /** Skips the manual. */
  @Parameter(property = "qapi4j.doc.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("qapi4j manual skipped");
      return;
    }
    Optional<Set<String>> symbols = Optional.empty();
    if (defined != null && !defined.isEmpty()) {
      Set<String> s = new LinkedHashSet<>();
      defined.stream().flatMap(d -> List.of(d.split(",")).stream()).map(String::strip)
          .filter(x -> !x.isEmpty()).forEach(s::add);
      symbols = Optional.of(s);
    }
    if ((schema == null) == (rootClass == null)) {
      throw new MojoExecutionException("the doc goal needs one of <schema> (QAPI JSON) and <rootClass> (Java)");
    }
    Path baseDir = project.getBasedir().toPath().toAbsolutePath().normalize();
    long start = System.nanoTime();
    Schema s;
    SchemaDoc doc;
    String fname;
    if (rootClass != null) {
      fname = rootClass;
      List<Path> roots = project.getCompileSourceRoots().stream().map(Path::of).toList();
      String classPath;
      try {
        classPath = String.join(File.pathSeparator, project.getCompileClasspathElements());
      } catch (DependencyResolutionRequiredException e) {
        throw new MojoExecutionException("the project's class path is not resolved: " + e.getMessage(), e);
      }
      JavaSchemaDoc.Result read = JavaSchemaDoc.read(roots, classPath, rootClass);
      if (read.schema().isEmpty()) {
        read.errors().forEach(getLog()::error);
        throw new MojoFailureException("cannot read the Java schema " + rootClass + " (" + read.errors().size()
            + (read.errors().size() == 1 ? " error" : " errors") + " above)");
      }
      s = read.schema().get();
      doc = read.doc();
    } else {
      fname = ImportMojo.schemaName(baseDir, schema.toPath().toAbsolutePath().normalize());
      QapiSchemaReader.Result result = QapiSchemaReader.read(baseDir, fname);
      if (!result.ok()) {
        int lines = 0;
        for (String error : result.errors()) {
          for (String line : error.split("\n")) {
            getLog().error(line);
            lines++;
          }
        }
        int n = result.errors().size();
        throw new MojoFailureException("QAPI schema " + fname + " has " + n + (n == 1 ? " error" : " errors")
            + " (" + lines + (lines == 1 ? " line" : " lines") + " above)");
      }
      s = result.schema().orElseThrow();
      doc = result.doc();
    }
    Path out = outputDirectory.toPath().toAbsolutePath().normalize();
    Path page;
    try {
      page = Manual.write(s, doc, title != null ? title : s.name() + " QMP Reference Manual", symbols, out);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + out + ": " + e.getMessage(), e);
    }
    Optional<Set<String>> shown = symbols;
    long commands = s.all(CommandDef.class).stream()
        .filter(d -> shown.isEmpty() || d.condition().holds(shown.get())).count();
    long events = s.all(EventDef.class).stream()
        .filter(d -> shown.isEmpty() || d.condition().holds(shown.get())).count();
    String where = page.startsWith(baseDir) ? baseDir.relativize(page).toString().replace(File.separatorChar, '/')
        : page.toString();
    getLog().info(String.format("%s %s: manual %s (%d commands, %d events), in %d ms",
        rootClass != null ? "Java schema" : "QAPI schema", fname, where, commands, events,
        (System.nanoTime() - start) / 1_000_000));
  }
}
