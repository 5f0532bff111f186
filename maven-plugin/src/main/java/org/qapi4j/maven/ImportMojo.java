package org.qapi4j.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.qapi4j.qapijson.JavaWriter;
import org.qapi4j.qapijson.QapiSchemaReader;

/**
 * Imports a QAPI JSON schema (a file and the files it includes) into the annotated Java sources
 * that the qapi4j processor compiles, as {@code qapi4j import} does, and adds their directory to
 * the project's compile source roots.
 *
 * <p>Does nothing when the schema files, the configuration and the plugin are those of the last
 * import and its output is still there (see {@link ImportState}). A schema error fails the build:
 * each line of it is logged as an error, as {@code qapi4j check} prints it ({@code FILE:LINE:
 * message}, the file named relative to the project's directory).
 */
@Mojo(name = "import", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class ImportMojo extends AbstractMojo {
  private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern IF = Pattern.compile("@If\\(\"([^\"]*)\"\\)");
  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The schema's main file; the files it includes are found relative to it, as QEMU finds them. */
  @Parameter(property = "qapi4j.schema", required = true)
  File schema;

  /** The Java package of the generated sources. */
  @Parameter(property = "qapi4j.packageName", required = true)
  String packageName;

  /** Where the Java sources go; added as a compile source root. */
  @Parameter(property = "qapi4j.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/qapi4j")
  File outputDirectory;

  /**
   * The 'if' symbols the build defines. The import does not need them (conditions become
   * {@code @If} annotations, evaluated by the processor); the plugin warns about any that no
   * condition of the schema names, and sets the project property {@code qapi4j.defined} to them,
   * comma-separated, for the compiler's {@code -Aqapi4j.defined=${qapi4j.defined}}.
   */
  @Parameter(property = "qapi4j.defined")
  List<String> defined;

  /** Skips the import. */
  @Parameter(property = "qapi4j.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution mojoExecution;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Set<String> symbols = new LinkedHashSet<>();
    if (defined != null) {
      defined.stream().flatMap(d -> List.of(d.split(",")).stream()).map(String::strip)
          .filter(s -> !s.isEmpty()).forEach(symbols::add);
    }
    // Set even when empty or skipped, so that -Aqapi4j.defined=${qapi4j.defined} never passes
    // the expression itself to the processor.
    if (project.getProperties().getProperty("qapi4j.defined") == null) {
      project.getProperties().setProperty("qapi4j.defined", String.join(",", symbols));
    }
    if (skip) {
      getLog().info("qapi4j import skipped");
      return;
    }
    if (packageName == null || !PACKAGE.matcher(packageName).matches()) {
      throw new MojoExecutionException("'" + packageName + "' is not a Java package name (packageName)");
    }
    Path out = outputDirectory.toPath().toAbsolutePath().normalize();
    project.addCompileSourceRoot(out.toString());

    Path baseDir = project.getBasedir().toPath().toAbsolutePath().normalize();
    String fname = schemaName(baseDir, schema.toPath().toAbsolutePath().normalize());
    Path stateFile = Path.of(project.getBuild().getDirectory(), "qapi4j", mojoExecution.getExecutionId() + ".state");
    String config = config(out);
    Optional<ImportState> previous = ImportState.read(stateFile);
    try {
      if (previous.isPresent()) {
        Optional<String> stale = previous.get().staleness(config, baseDir, out);
        if (stale.isEmpty()) {
          getLog().info("QAPI schema " + fname + " is up to date (" + previous.get().inputs().size()
              + " schema files unchanged, " + previous.get().outputs().size() + " Java files in " + rel(baseDir, out) + ")");
          return;
        }
        getLog().info("QAPI schema " + fname + ": " + stale.get() + ", importing");
      }
      Files.deleteIfExists(stateFile);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot check " + stateFile + ": " + e.getMessage(), e);
    }

    long start = System.nanoTime();
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
    Map<String, String> files = JavaWriter.write(result.schema().orElseThrow(), result.docsByDefinition(), packageName);
    warnUnknownSymbols(symbols, files);
    int written = 0;
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = out.resolve(f.getKey());
        byte[] text = f.getValue().getBytes(StandardCharsets.UTF_8);
        // An unchanged file keeps its timestamp, so that the compiler sees nothing new in it.
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), text)) {
          continue;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, text);
        written++;
      }
      // Files an earlier import wrote that this one did not: types the schema no longer has.
      if (previous.isPresent()) {
        for (String old : previous.get().outputs()) {
          if (!files.containsKey(old)) {
            Files.deleteIfExists(out.resolve(old));
          }
        }
      }
      ImportState.of(config, baseDir, result.files(), new ArrayList<>(files.keySet())).write(stateFile);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + out + ": " + e.getMessage(), e);
    }
    getLog().info(String.format("QAPI schema %s (%d files): %d Java files in %s, %d written, in %d ms",
        fname, result.files().size(), files.size(), rel(baseDir, out.resolve(packageName.replace('.', '/'))),
        written, (System.nanoTime() - start) / 1_000_000));
  }

  /**
   * How the schema is named in messages: relative to the project's directory when it is inside it
   * (as {@code qapi4j check} run there names it), otherwise by its absolute path.
   */
  static String schemaName(Path baseDir, Path schema) {
    Path name = schema.startsWith(baseDir) ? baseDir.relativize(schema) : schema;
    return name.toString().replace(File.separatorChar, '/');
  }

  private static String rel(Path baseDir, Path p) {
    return schemaName(baseDir, p);
  }

  /**
   * Everything besides the schema files that the output depends on: the package, the output
   * directory, and the plugin's own code (its version, and for a snapshot the qapi4j jars' sizes
   * and times, so that a rebuilt plugin imports again).
   */
  private String config(Path out) {
    StringBuilder sb = new StringBuilder("package=").append(packageName).append(" out=").append(out)
        .append(" plugin=").append(plugin.getVersion());
    if (plugin.getVersion().endsWith("-SNAPSHOT")) {
      List<Artifact> artifacts = new ArrayList<>();
      if (plugin.getPluginArtifact() != null) {
        artifacts.add(plugin.getPluginArtifact());
      }
      if (plugin.getArtifacts() != null) {
        artifacts.addAll(plugin.getArtifacts());
      }
      Set<String> stamps = new LinkedHashSet<>();
      for (Artifact a : artifacts) {
        File f = a.getFile();
        if ("org.qapi4j".equals(a.getGroupId()) && f != null) {
          stamps.add(a.getArtifactId() + "@" + f.length() + "/" + f.lastModified());
        }
      }
      stamps.forEach(stamp -> sb.append(' ').append(stamp));
    }
    return sb.toString();
  }

  /** Warns about defined symbols that no condition of the schema names: a typo, most likely. */
  private void warnUnknownSymbols(Set<String> symbols, Map<String, String> files) {
    if (symbols.isEmpty()) {
      return;
    }
    Set<String> named = new TreeSet<>();
    for (String text : files.values()) {
      Matcher m = IF.matcher(text);
      while (m.find()) {
        Matcher s = SYMBOL.matcher(m.group(1));
        while (s.find()) {
          named.add(s.group());
        }
      }
    }
    for (String s : symbols) {
      if (!named.contains(s)) {
        getLog().warn("defined symbol '" + s + "' is named by no 'if' of the schema");
      }
    }
  }
}
