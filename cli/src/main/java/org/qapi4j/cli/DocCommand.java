package org.qapi4j.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qapi4j.manual.Manual;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Schema;
import org.qapi4j.model.doc.SchemaDoc;
import org.qapi4j.processor.read.JavaSchemaDoc;
import org.qapi4j.qapijson.QapiSchemaReader;

/**
 * {@code qapi4j doc}: a schema's reference manual, as static HTML ({@code index.html} and
 * {@code manual.css} in the output directory), from a QAPI JSON schema's {@code ##} comments or a
 * Java schema's Javadoc.
 *
 * <pre>
 * qapi4j doc [--defined SYM,...] [--title T] --out DIR SCHEMA.json
 * qapi4j doc --java --source-path DIR[:DIR...] [--class-path CP] [--title T] --out DIR ROOT_CLASS
 * </pre>
 */
final class DocCommand {
  static final String USAGE_LINES = String.join("\n",
      "  doc [--defined SYM,SYM...] [--title T] --out DIR SCHEMA.json",
      "  doc --java --source-path DIR [--class-path CP] [--title T] --out DIR ROOT_CLASS",
      "                            write the schema's reference manual, DIR/index.html,",
      "                            from its doc comments (## comments, or Javadoc of the",
      "                            Java schema rooted at ROOT_CLASS); --defined leaves out",
      "                            what a build without those 'if' symbols lacks");

  private DocCommand() {}

  static int run(List<String> args, Path cwd, PrintStream out, PrintStream err) {
    boolean java = false;
    Optional<Set<String>> defined = Optional.empty();
    String title = null;
    String dir = null;
    String sourcePath = null;
    String classPath = "";
    String schemaArg = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--java" -> java = true;
        case "--defined", "--title", "--out", "--source-path", "--class-path" -> {
          if (++i >= args.size()) {
            return usage(err, a + " needs a value");
          }
          String v = args.get(i);
          switch (a) {
            case "--defined" -> {
              Set<String> symbols = new LinkedHashSet<>(defined.orElse(Set.of()));
              Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(symbols::add);
              defined = Optional.of(symbols);
            }
            case "--title" -> title = v;
            case "--out" -> dir = v;
            case "--source-path" -> sourcePath = v;
            default -> classPath = v;
          }
        }
        default -> {
          if (a.startsWith("-")) {
            return usage(err, "unknown option '" + a + "'");
          }
          if (schemaArg != null) {
            return usage(err, "doc takes one schema");
          }
          schemaArg = a;
        }
      }
    }
    if (dir == null || schemaArg == null) {
      return usage(err, "doc needs --out and a schema");
    }
    if (java != (sourcePath != null)) {
      return usage(err, java ? "doc --java needs --source-path" : "--source-path is for doc --java");
    }
    Schema schema;
    SchemaDoc doc;
    if (java) {
      List<Path> roots = new ArrayList<>();
      for (String p : sourcePath.split(File.pathSeparator)) {
        roots.add(cwd.resolve(p));
      }
      // What is given, then this command's own class path, which holds the annotations.
      List<String> cp = new ArrayList<>(Arrays.stream(classPath.split(File.pathSeparator))
          .filter(s -> !s.isEmpty()).map(s -> cwd.resolve(s).toString()).toList());
      cp.add(System.getProperty("java.class.path"));
      JavaSchemaDoc.Result r = JavaSchemaDoc.read(roots, String.join(File.pathSeparator, cp), schemaArg);
      if (r.schema().isEmpty()) {
        r.errors().forEach(e -> err.println("qapi4j: " + e));
        return 1;
      }
      schema = r.schema().get();
      doc = r.doc();
    } else {
      QapiSchemaReader.Result r = QapiSchemaReader.read(cwd, schemaArg);
      if (!r.ok()) {
        if (r.schema().isEmpty() && r.errors().size() == 1 && r.errors().get(0).startsWith("can't read schema file")) {
          err.println("qapi4j: " + r.errors().get(0));
          return 2;
        }
        r.errors().forEach(err::println);
        return 1;
      }
      schema = r.schema().orElseThrow();
      doc = r.doc();
    }
    String t = title != null ? title : schema.name() + " QMP Reference Manual";
    Path page;
    try {
      page = Manual.write(schema, doc, t, defined, cwd.resolve(dir));
    } catch (IOException e) {
      err.println("qapi4j: cannot write " + cwd.resolve(dir) + ": " + e.getMessage());
      return 2;
    }
    Optional<Set<String>> symbols = defined;
    long commands = schema.all(CommandDef.class).stream().filter(d -> shown(d, symbols)).count();
    long events = schema.all(EventDef.class).stream().filter(d -> shown(d, symbols)).count();
    long types = schema.definitions().stream()
        .filter(d -> !d.implicit() && !(d instanceof CommandDef) && !(d instanceof EventDef) && shown(d, symbols))
        .count();
    out.println("wrote " + page + " (" + commands + " commands, " + events + " events, " + types + " types)");
    return 0;
  }

  private static boolean shown(Definition d, Optional<Set<String>> defined) {
    return defined.isEmpty() || d.condition().holds(defined.get());
  }

  private static int usage(PrintStream err, String message) {
    err.println("qapi4j: " + message);
    err.print(Main.USAGE);
    return 2;
  }
}
