package org.qapi4j.qapijson;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.UnionDef;

/**
 * The importer: writes a QAPI schema (read by the JSON front end) as annotated Java, ready for the
 * processor — one file per type (records, enums, sealed interfaces), one commands interface and
 * one events interface per QAPI module (file), and the {@code @Schema} root that extends the
 * commands interfaces and names the events interfaces. Doc comments become Javadoc. Names are
 * derived the way the processor derives them, with {@code @Name} wherever the derivation would
 * not give the QAPI name back.
 *
 * <p>The Java is built with JavaPoet, as the processor's generated code is, by one writer per kind
 * of definition: {@link RecordWriter}, {@link EnumWriter}, {@link SealedWriter} (unions and
 * alternates), {@link InterfaceWriter} (commands and events) and {@link RootWriter}, on the names
 * of {@link JavaNames} and the types and annotations of {@link JavaTypes}. {@link Layout} then lays
 * each file's record components and long parameter lists out one a line.
 */
public final class JavaWriter {
  private final Schema schema;
  private final Map<String, QapiDoc> docs;
  private final String pkg;
  private final Map<String, Definition> byName;
  private final JavaNames names;
  private final JavaTypes types;
  private final Map<String, String> files = new LinkedHashMap<>();
  private final Map<String, List<JavaSources.Placement>> placements = new LinkedHashMap<>();

  /** The directory of the schema's main file, as it was named ("" for the current directory). */
  private final String rootDir;

  private JavaWriter(Schema schema, Map<String, QapiDoc> docs, String pkg) {
    this.schema = schema;
    this.docs = docs;
    this.pkg = pkg;
    this.byName = schema.byName();
    this.names = new JavaNames(schema);
    this.types = new JavaTypes(names, pkg);
    this.rootDir = rootDir(schema);
  }

  /**
   * The Java sources of a schema: file path relative to the source root (with the package's
   * directories) to contents, in a stable order.
   */
  public static Map<String, String> write(Schema schema, Map<String, QapiDoc> docs, String pkg) {
    return sources(schema, docs, pkg).files();
  }

  /** The Java sources of a schema, as {@link #write}, and where each definition is in them. */
  public static JavaSources sources(Schema schema, Map<String, QapiDoc> docs, String pkg) {
    return new JavaWriter(schema, docs, pkg).run();
  }

  private JavaSources run() {
    RecordWriter records = new RecordWriter(types);
    SealedWriter sealed = new SealedWriter(names, types, byName);
    Map<String, List<Definition>> modules = new LinkedHashMap<>();
    for (Definition d : schema.definitions()) {
      modules.computeIfAbsent(module(d), m -> new ArrayList<>()).add(d);
      String javaName = names.of(d);
      if (d instanceof StructDef s && !s.implicit()) {
        type(records.write(s, javaName, docs.get(s.name())), d);
      } else if (d instanceof StructDef s && s.name().endsWith("-base")) {
        // A union's inline base: documented, and reported, as the union.
        String union = s.name().substring("q_obj_".length(), s.name().length() - "-base".length());
        type(records.write(s, javaName, docs.get(union)), byName.getOrDefault(union, d));
      } else if (d instanceof EnumDef e && !e.implicit()) {
        type(EnumWriter.write(e, javaName, docs.get(e.name())), d);
      } else if (d instanceof UnionDef u) {
        type(sealed.union(u, javaName, docs.get(u.name())), d);
      } else if (d instanceof AlternateDef a) {
        type(sealed.alternate(a, javaName, docs.get(a.name())), d);
      }
    }
    InterfaceWriter interfaces = new InterfaceWriter(types, byName, docs);
    List<String> commandInterfaces = new ArrayList<>();
    List<String> eventInterfaces = new ArrayList<>();
    for (Map.Entry<String, List<Definition>> m : modules.entrySet()) {
      String stem = JavaNames.moduleStem(m.getKey());
      List<CommandDef> commands = m.getValue().stream().filter(CommandDef.class::isInstance)
          .map(CommandDef.class::cast).toList();
      List<EventDef> events = m.getValue().stream().filter(EventDef.class::isInstance)
          .map(EventDef.class::cast).toList();
      if (!commands.isEmpty()) {
        String name = names.claim(stem + "Commands");
        commandInterfaces.add(name);
        methods(interfaces.commands(name, relativeModule(m.getKey()), commands), commands);
      }
      if (!events.isEmpty()) {
        String name = names.claim(stem + "Events");
        eventInterfaces.add(name);
        methods(interfaces.events(name, relativeModule(m.getKey()), events), events);
      }
    }
    RootWriter root = new RootWriter(schema, names, types);
    file(root.write(names.claim(root.name()), commandInterfaces, eventInterfaces));
    return new JavaSources(files, placements);
  }

  /** A type's file: every line of it is the definition's. */
  private void type(TypeSpec type, Definition d) {
    String path = file(type);
    placements.put(path, List.of(new JavaSources.Placement(1, lineCount(files.get(path)), d)));
  }

  /** An interface's file, whose methods are the definitions', in order. */
  private void methods(TypeSpec type, List<? extends Definition> definitions) {
    String path = file(type);
    List<int[]> spans = memberSpans(files.get(path));
    if (spans.size() != definitions.size()) {
      throw new IllegalStateException(path + ": " + spans.size() + " members for " + definitions.size()
          + " definitions (JavaPoet's layout is not what the importer expects)");
    }
    List<JavaSources.Placement> placed = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      placed.add(new JavaSources.Placement(spans.get(i)[0], spans.get(i)[1], definitions.get(i)));
    }
    placements.put(path, placed);
  }

  /** Writes a top-level type to its file, in the importer's {@link Layout}; the file's path. */
  private String file(TypeSpec type) {
    String text = Layout.apply(JavaFile.builder(pkg, type)
        .indent("  ")
        .skipJavaLangImports(true)
        .build()
        .toString());
    String path = pkg.replace('.', '/') + "/" + type.name() + ".java";
    files.put(path, text);
    return path;
  }

  private static int lineCount(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  /**
   * The lines (first, last; 1-based) of each member of a file's top-level type: JavaPoet writes
   * the type's declaration up to a line ending in {@code " {"} at column 0, then its members, each
   * with its Javadoc and annotations, with one empty line between two, and {@code "}"} alone.
   */
  static List<int[]> memberSpans(String text) {
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length && (lines[i].startsWith(" ") || !lines[i].endsWith(" {"))) {
      i++;
    }
    List<int[]> spans = new ArrayList<>();
    int start = -1;
    for (i = i + 1; i < lines.length && !lines[i].equals("}"); i++) {
      if (lines[i].isEmpty()) {
        if (start >= 0) {
          spans.add(new int[] {start + 1, i});
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      spans.add(new int[] {start + 1, i});
    }
    return spans;
  }

  /** The directory of the main file: the file at the top of any definition's include chain. */
  private static String rootDir(Schema schema) {
    for (Definition d : schema.definitions()) {
      if (d.origin() instanceof SourceInfo i) {
        while (i.parent() != null) {
          i = i.parent();
        }
        int slash = i.fname().lastIndexOf('/');
        return slash < 0 ? "" : i.fname().substring(0, slash + 1);
      }
    }
    return "";
  }

  /**
   * A module's file named relative to the main file's directory, as the Javadoc names it: never
   * the directory the schema was imported from, which is the building machine's business.
   */
  private String relativeModule(String fname) {
    if (!rootDir.isEmpty() && fname.startsWith(rootDir)) {
      return fname.substring(rootDir.length());
    }
    // An include by absolute path outside the schema's directory: its file name only.
    return fname.startsWith("/") ? fname.substring(fname.lastIndexOf('/') + 1) : fname;
  }

  private static String module(Definition d) {
    return d.origin() instanceof SourceInfo i ? i.fname() : "schema.json";
  }
}
