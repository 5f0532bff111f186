package org.qapi4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qapi4j.model.check.Rule;
import org.qapi4j.model.introspect.SchemaInfo;
import org.qapi4j.model.introspect.DefinedSymbols;
import org.qapi4j.qapijson.JavaSources;
import org.qapi4j.qapijson.JavaWriter;
import org.qapi4j.qapijson.QapiSchemaReader;
import org.qapi4j.runtime.json.QDictOrder;

/**
 * {@code java -jar cli/target/qapi4j.jar COMMAND ...}: the qapi4j command.
 *
 * <p>Exit codes: 0 success, 1 the schema has errors (printed on standard error as QEMU's generator
 * prints them), 2 usage error or unreadable input.
 */
public final class Main {
  static final String USAGE =
      String.join(
          "\n",
          "usage: qapi4j COMMAND [ARGS]",
          "",
          "commands:",
          "  check [--via-javac] [--defined SYM,SYM...] SCHEMA.json",
          "                            check a QAPI JSON schema and the files it includes;",
          "                            print every error as FILE:LINE: message. --via-javac",
          "                            imports it to Java and compiles that with the processor",
          "                            in-process, reporting javac's and the processor's errors",
          "                            the same way, at the definition they are about",
          "  introspect [--unmask] [--defined SYM,SYM...] SCHEMA.json",
          "                            print the schema's query-qmp-schema reply, with the",
          "                            given 'if' symbols defined (none by default)",
          "  symbols REPLY.json SCHEMA.json",
          "                            print the 'if' symbols a QEMU build defined, told from",
          "                            its query-qmp-schema reply (the return value, saved in",
          "                            REPLY.json), comma-separated, for --defined",
          "  import --package P --out DIR SCHEMA.json",
          "                            write the schema as annotated Java sources of package P",
          "                            under DIR, ready for the processor",
          DocCommand.USAGE_LINES,
          "  rules                     list the QAPI rules qapi4j enforces, by id",
          "  shell [-H] [-N] [-v] [-p] [-l FILE] [--history FILE] [--no-check] SOCKET|HOST:PORT",
          "                            an interactive QMP shell, qmp-shell's commands checked",
          "                            and completed from the server's schema (docs/shell.md)",
          "  help                      print this text",
          "",
          "exit status: 0 success, 1 the schema has errors, 2 usage error",
          "");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, Path.of(""), out, err);
  }

  /** Runs the command with relative schema paths resolved against {@code cwd}. */
  static int run(String[] args, Path cwd, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.print(USAGE);
      return 2;
    }
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    switch (args[0]) {
      case "help", "-h", "--help" -> {
        out.print(USAGE);
        return 0;
      }
      case "rules" -> {
        Arrays.stream(Rule.values()).forEach(r -> out.println(r.id()));
        return 0;
      }
      case "check" -> {
        return check(rest, cwd, err);
      }
      case "introspect" -> {
        return introspect(rest, cwd, out, err);
      }
      case "import" -> {
        return importSchema(rest, cwd, out, err);
      }
      case "symbols" -> {
        return symbols(rest, cwd, out, err);
      }
      case "doc" -> {
        return DocCommand.run(rest, cwd, out, err);
      }
      case "shell" -> {
        return org.qapi4j.cli.shell.Shell.run(rest, out, err);
      }
      default -> {
        err.println("qapi4j: unknown command '" + args[0] + "'");
        err.print(USAGE);
        return 2;
      }
    }
  }

  private static int symbols(List<String> args, Path cwd, PrintStream out, PrintStream err) {
    if (args.size() != 2 || args.stream().anyMatch(a -> a.startsWith("-"))) {
      return usage(err, "symbols takes a reply file and a schema file");
    }
    String reply;
    try {
      reply = Files.readString(cwd.resolve(args.get(0))).strip();
    } catch (IOException e) {
      err.println("qapi4j: can't read reply file '" + args.get(0) + "': " + e.getMessage());
      return 2;
    }
    QapiSchemaReader.Result result = QapiSchemaReader.read(cwd, args.get(1));
    if (result.schema().isEmpty() || !result.errors().isEmpty()) {
      return report(result, err);
    }
    DefinedSymbols.Inference inferred = DefinedSymbols.inferredFrom(result.schema().get(), reply, QDictOrder::of);
    out.println(String.join(",", new java.util.TreeSet<>(inferred.defined())));
    if (inferred.partsDiffering() > 0) {
      err.println("qapi4j: no choice of symbols gives this reply (parts of entries differing: "
          + inferred.partsDiffering() + "); is it the reply of another schema?");
      return 1;
    }
    return 0;
  }

  private static int usage(PrintStream err, String message) {
    err.println("qapi4j: " + message);
    err.print(USAGE);
    return 2;
  }

  private static int check(List<String> args, Path cwd, PrintStream err) {
    boolean viaJavac = false;
    Set<String> defined = new LinkedHashSet<>();
    String schema = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--via-javac")) {
        viaJavac = true;
      } else if (a.equals("--defined")) {
        if (++i >= args.size()) {
          return usage(err, "--defined needs a list of symbols");
        }
        symbols(args.get(i), defined);
      } else if (a.startsWith("-")) {
        return usage(err, "unknown option '" + a + "'");
      } else if (schema != null) {
        return usage(err, "check takes one schema file");
      } else {
        schema = a;
      }
    }
    if (schema == null) {
      return usage(err, "check needs a schema file");
    }
    QapiSchemaReader.Result result = QapiSchemaReader.read(cwd, schema);
    if (!viaJavac) {
      return report(result, err);
    }
    // What only the JSON form can get wrong is the JSON front end's to report; the rest is
    // reported by javac and the processor, on the imported Java.
    if (result.schema().isEmpty() || !result.jsonOnlyErrors().isEmpty()) {
      return report(result, err);
    }
    JavaSources sources =
        JavaWriter.sources(result.schema().get(), result.docsByDefinition(), IMPORT_PACKAGE);
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("qapi4j-check");
      ViaJavac.Result compiled = ViaJavac.compile(sources.files(), defined, scratch);
      // Said of the schema, at its files and lines, as the JSON path says its errors.
      List<String> errors = new SchemaReport(result.schema().get(), sources, result.files().get(0))
          .errors(compiled.messages());
      errors.forEach(err::println);
      return compiled.errors().isEmpty() ? 0 : 1;
    } catch (IOException e) {
      err.println("qapi4j: " + e.getMessage());
      return 2;
    } finally {
      if (scratch != null) {
        ViaJavac.delete(scratch);
      }
    }
  }

  /** The package {@code check --via-javac} imports schemas into. */
  static final String IMPORT_PACKAGE = "qapi4j.imported";

  private static void symbols(String value, Set<String> into) {
    Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(into::add);
  }

  /** Prints the errors of a schema; its exit status. */
  private static int report(QapiSchemaReader.Result result, PrintStream err) {
    if (result.ok()) {
      return 0;
    }
    // A file that cannot be read is a usage error rather than a schema error.
    if (result.schema().isEmpty() && result.errors().size() == 1
        && result.errors().get(0).startsWith("can't read schema file")) {
      err.println("qapi4j: " + result.errors().get(0));
      return 2;
    }
    result.errors().forEach(err::println);
    return 1;
  }

  private static int importSchema(List<String> args, Path cwd, PrintStream out, PrintStream err) {
    String pkg = null;
    String dir = null;
    String schema = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--package") || a.equals("--out")) {
        if (++i >= args.size()) {
          return usage(err, a + " needs a value");
        }
        if (a.equals("--package")) {
          pkg = args.get(i);
        } else {
          dir = args.get(i);
        }
      } else if (a.startsWith("-")) {
        return usage(err, "unknown option '" + a + "'");
      } else if (schema != null) {
        return usage(err, "import takes one schema file");
      } else {
        schema = a;
      }
    }
    if (pkg == null || dir == null || schema == null) {
      return usage(err, "import needs --package, --out and a schema file");
    }
    if (!pkg.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
      return usage(err, "'" + pkg + "' is not a Java package name");
    }
    QapiSchemaReader.Result result = QapiSchemaReader.read(cwd, schema);
    if (!result.ok()) {
      return report(result, err);
    }
    Map<String, String> files = JavaWriter.write(result.schema().orElseThrow(), result.docsByDefinition(), pkg);
    Path root = cwd.resolve(dir);
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path file = root.resolve(f.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, f.getValue());
      }
    } catch (IOException e) {
      err.println("qapi4j: cannot write " + root + ": " + e.getMessage());
      return 2;
    }
    out.println("wrote " + files.size() + " files to " + root.resolve(pkg.replace('.', '/')));
    return 0;
  }

  private static int introspect(List<String> args, Path cwd, PrintStream out, PrintStream err) {
    boolean unmask = false;
    Set<String> defined = new LinkedHashSet<>();
    String schema = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--unmask")) {
        unmask = true;
      } else if (a.equals("--defined") || a.startsWith("--defined=")) {
        String value = a.equals("--defined") ? (++i < args.size() ? args.get(i) : null) : a.substring(10);
        if (value == null) {
          return usage(err, "--defined needs a list of symbols");
        }
        symbols(value, defined);
      } else if (a.startsWith("-")) {
        return usage(err, "unknown option '" + a + "'");
      } else if (schema != null) {
        return usage(err, "introspect takes one schema file");
      } else {
        schema = a;
      }
    }
    if (schema == null) {
      return usage(err, "introspect needs a schema file");
    }
    QapiSchemaReader.Result result = QapiSchemaReader.read(cwd, schema);
    if (!result.ok()) {
      return report(result, err);
    }
    out.println(SchemaInfo.render(result.schema().orElseThrow(), unmask, defined, QDictOrder::of));
    return 0;
  }
}
