package org.qapi4j.qapijson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.Builtin;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Feature;
import org.qapi4j.model.Member;
import org.qapi4j.model.Names;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.Variant;

/**
 * The importer: writes a QAPI schema (read by the JSON front end) as annotated Java, ready for the
 * processor — one file per type (records, enums, sealed interfaces), one commands interface and
 * one events interface per QAPI module (file), and the {@code @Schema} root that extends the
 * commands interfaces and names the events interfaces. Doc comments become Javadoc. Names are
 * derived the way the processor derives them, with {@code @Name} wherever the derivation would
 * not give the QAPI name back.
 */
public final class JavaWriter {
  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
          "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
          "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
          "native", "new", "package", "private", "protected", "public", "return", "short", "static",
          "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
          "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed",
          "permits", "non-sealed", "_");

  /** Names a record component cannot take: the methods of {@code Object}. */
  private static final Set<String> OBJECT_METHODS =
      Set.of("wait", "notify", "notifyAll", "getClass", "hashCode", "toString", "equals", "clone", "finalize");

  /** Names a generated file must not take: they would hide the types the sources use. */
  private static final Set<String> TAKEN =
      Set.of(
          "String", "Long", "Integer", "Short", "Byte", "Boolean", "Double", "Object", "List",
          "Override", "Deprecated", "Name", "Optional", "Type", "Base", "Union", "Alternate", "Command",
          "Event", "Feature", "Features", "Schema", "If", "JsonValue", "QNull", "QType", "Record", "Enum", "Class",
          "System", "Math", "Void", "Number", "Character", "Float");

  private final Schema schema;
  private final Map<String, QapiDoc> docs;
  private final String pkg;
  private final Map<String, Definition> byName;
  /** QAPI type name to Java simple name. */
  private final Map<String, String> javaNames = new HashMap<>();
  /** Each type definition's Java simple name (a duplicate QAPI name gets its own). */
  private final Map<Definition, String> javaOf = new java.util.IdentityHashMap<>();
  /** Java simple names in use in the package. */
  private final Set<String> used = new HashSet<>();
  /** The records made for union inline bases, by union name. */
  private final Map<String, String> unionBases = new HashMap<>();
  private final Map<String, String> files = new LinkedHashMap<>();

  /** The directory of the schema's main file, as it was named ("" for the current directory). */
  private final String rootDir;

  private JavaWriter(Schema schema, Map<String, QapiDoc> docs, String pkg) {
    this.schema = schema;
    this.docs = docs;
    this.pkg = pkg;
    this.byName = schema.byName();
    this.rootDir = rootDir(schema);
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

  /**
   * The Java sources of a schema: file path relative to the source root (with the package's
   * directories) to contents, in a stable order.
   */
  public static Map<String, String> write(Schema schema, Map<String, QapiDoc> docs, String pkg) {
    return new JavaWriter(schema, docs, pkg).run();
  }

  private Map<String, String> run() {
    used.addAll(TAKEN);
    for (Definition d : schema.definitions()) {
      if (!d.implicit() && !(d instanceof CommandDef) && !(d instanceof EventDef)) {
        String java = claim(typeName(d.name()));
        javaOf.put(d, java);
        javaNames.putIfAbsent(d.name(), java);
      }
    }
    for (Definition d : schema.definitions()) {
      if (d instanceof UnionDef u && byName.get(u.base()) instanceof StructDef b && b.implicit()) {
        String name = claim(javaOf.get(u) + "Base");
        unionBases.put(u.name(), name);
        javaNames.put(b.name(), name);
        javaOf.put(b, name);
      }
    }
    Map<String, List<Definition>> modules = new LinkedHashMap<>();
    for (Definition d : schema.definitions()) {
      modules.computeIfAbsent(module(d), m -> new ArrayList<>()).add(d);
      if (d instanceof StructDef s && !s.implicit()) {
        struct(s, s.name(), javaOf.get(s));
      } else if (d instanceof StructDef s && s.name().endsWith("-base")) {
        String union = s.name().substring("q_obj_".length(), s.name().length() - "-base".length());
        struct(s, union, javaOf.get(s));
      } else if (d instanceof EnumDef e && !e.implicit()) {
        enumType(e);
      } else if (d instanceof UnionDef u) {
        union(u);
      } else if (d instanceof AlternateDef a) {
        alternate(a);
      }
    }
    List<String> commandInterfaces = new ArrayList<>();
    List<String> eventInterfaces = new ArrayList<>();
    for (Map.Entry<String, List<Definition>> m : modules.entrySet()) {
      String stem = moduleStem(m.getKey());
      List<CommandDef> commands = m.getValue().stream().filter(CommandDef.class::isInstance)
          .map(CommandDef.class::cast).toList();
      List<EventDef> events = m.getValue().stream().filter(EventDef.class::isInstance)
          .map(EventDef.class::cast).toList();
      if (!commands.isEmpty()) {
        String name = claim(stem + "Commands");
        commandInterfaces.add(name);
        commands(name, m.getKey(), commands);
      }
      if (!events.isEmpty()) {
        String name = claim(stem + "Events");
        eventInterfaces.add(name);
        events(name, m.getKey(), events);
      }
    }
    root(commandInterfaces, eventInterfaces);
    return files;
  }

  // ---- names ----

  private String claim(String name) {
    String n = name;
    for (int i = 2; used.contains(n); i++) {
      n = name + i;
    }
    used.add(n);
    return n;
  }

  /** A Java type name for a QAPI type name: itself when it is an identifier. */
  private static String typeName(String qapi) {
    if (isIdentifier(qapi)) {
      return qapi;
    }
    StringBuilder sb = new StringBuilder();
    for (String part : qapi.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String n = sb.length() == 0 ? "Type" : sb.toString();
    return Character.isDigit(n.charAt(0)) ? "T" + n : n;
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || KEYWORDS.contains(s) || !Character.isJavaIdentifierStart(s.charAt(0))) {
      return false;
    }
    return s.chars().allMatch(c -> c < 128 && Character.isJavaIdentifierPart(c) && c != '$');
  }

  /** A camel-case Java identifier whose derived name is, ideally, the wire name. */
  private static String camel(String wire, boolean upperFirst) {
    StringBuilder sb = new StringBuilder();
    boolean up = upperFirst;
    for (char c : wire.toCharArray()) {
      if (!Character.isLetterOrDigit(c) || c > 127) {
        up = sb.length() > 0 || upperFirst;
        continue;
      }
      sb.append(up ? Character.toUpperCase(c) : (sb.length() == 0 && !upperFirst ? Character.toLowerCase(c) : c));
      up = false;
    }
    String n = sb.length() == 0 ? "x" : sb.toString();
    if (Character.isDigit(n.charAt(0))) {
      n = (upperFirst ? "V" : "v") + n;
    }
    return KEYWORDS.contains(n) || OBJECT_METHODS.contains(n) ? n + "_" : n;
  }

  /** A Java constant name for an enum value. */
  private static String constant(String wire) {
    String n = wire.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    return n.isEmpty() || Character.isDigit(n.charAt(0)) ? "_" + n : n;
  }

  private static String module(Definition d) {
    return d.origin() instanceof SourceInfo i ? i.fname() : "schema.json";
  }

  private static String moduleStem(String fname) {
    String base = fname.replaceAll("^.*/", "").replaceAll("\\.json$", "");
    return typeName(camel(base, true));
  }

  // ---- types ----

  private void struct(StructDef s, String docName, String javaName) {
    Source src = new Source();
    QapiDoc doc = docs.get(docName);
    List<String> names = javaMemberNames(s.members(), Set.of("base"));
    src.javadoc(doc, "", memberDocs(doc, s.members(), names));
    annotations(src, "", s.condition(), s.features(),
        s.implicit() || s.name().equals(javaName) ? null : s.name(), s.implicit());
    List<String> components = new ArrayList<>();
    s.base().ifPresent(b -> components.add("@Base " + javaNames.get(b) + " base"));
    for (int i = 0; i < names.size(); i++) {
      components.add(member(s.members().get(i), names.get(i), src));
    }
    src.line("public record " + javaName + "(");
    src.list(components, "    ");
    src.line(") {}");
    file(javaName, src);
  }

  /**
   * The Java names of members, as components or parameters: camel case, with a number added where
   * a name is taken (by {@code reserved}, or by an earlier member).
   */
  private static List<String> javaMemberNames(List<Member> members, Set<String> reserved) {
    Set<String> taken = new HashSet<>(reserved);
    List<String> names = new ArrayList<>();
    for (Member m : members) {
      String javaName = camel(m.name(), false);
      for (int i = 2; !taken.add(javaName); i++) {
        javaName = camel(m.name(), false) + i;
      }
      names.add(javaName);
    }
    return names;
  }

  /** A record component or parameter declaration for a member, with its annotations. */
  private String member(Member m, String javaName, Source src) {
    StringBuilder sb = new StringBuilder();
    if (!Names.kebab(javaName).equals(m.name())) {
      sb.append("@Name(\"").append(m.name()).append("\") ");
    }
    sb.append(conditionAnnotation(m.condition(), src));
    for (Feature f : m.features()) {
      sb.append(featureAnnotation(f, src)).append(' ');
    }
    if (m.optional()) {
      sb.append("@Optional ");
    }
    String integer = integerType(m.type());
    if (integer != null) {
      sb.append("@Type(\"").append(integer).append("\") ");
    }
    sb.append(javaType(m.type(), m.optional(), src)).append(' ').append(javaName);
    return sb.toString();
  }

  /** The QAPI integer type a member must name with {@code @Type}, or null. */
  private static String integerType(TypeRef t) {
    String name = t instanceof TypeRef.Array a ? a.element().qapiName() : t.qapiName();
    return switch (name) {
      case "int64", "uint8", "uint16", "uint32", "uint64", "size" -> name;
      default -> null;
    };
  }

  private String javaType(TypeRef t, boolean boxed, Source src) {
    if (t instanceof TypeRef.Array a) {
      src.imports.add("java.util.List");
      return "List<" + javaType(a.element(), true, src) + ">";
    }
    Optional<Builtin> b = Builtin.byName(t.qapiName());
    if (b.isPresent()) {
      return switch (b.get()) {
        case STR -> "String";
        case NUMBER -> boxed ? "Double" : "double";
        case INT, INT64, UINT32, UINT64, SIZE -> boxed ? "Long" : "long";
        case INT32, UINT16 -> boxed ? "Integer" : "int";
        case INT16, UINT8 -> boxed ? "Short" : "short";
        case INT8 -> boxed ? "Byte" : "byte";
        case BOOL -> boxed ? "Boolean" : "boolean";
        case ANY -> {
          src.imports.add("org.qapi4j.runtime.json.JsonValue");
          yield "JsonValue";
        }
        case NULL -> {
          src.imports.add("org.qapi4j.runtime.QNull");
          yield "QNull";
        }
      };
    }
    if (t.qapiName().equals(org.qapi4j.model.Predefined.QTYPE) && !javaNames.containsKey(t.qapiName())) {
      src.imports.add("org.qapi4j.runtime.QType");
      return "QType";
    }
    String n = javaNames.get(t.qapiName());
    return n != null ? n : t.qapiName();
  }

  private void enumType(EnumDef e) {
    String javaName = javaOf.get(e);
    Source src = new Source();
    QapiDoc doc = docs.get(e.name());
    src.javadoc(doc, "", Map.of());
    annotations(src, "", e.condition(), e.features(), e.name().equals(javaName) ? null : e.name(), false);
    src.line("public enum " + javaName + " {");
    Set<String> taken = new HashSet<>();
    List<EnumValue> values = e.values();
    for (int i = 0; i < values.size(); i++) {
      EnumValue v = values.get(i);
      String c = constant(v.name());
      for (int k = 2; !taken.add(c); k++) {
        c = constant(v.name()) + "_" + k;
      }
      QapiDoc.Section section = doc == null ? null : doc.args().get(v.name());
      if (section != null && !section.text().isEmpty()) {
        src.javadocText(section.text(), "  ");
      }
      StringBuilder sb = new StringBuilder("  ");
      if (!Names.enumValue(c).equals(v.name())) {
        sb.append("@Name(\"").append(v.name()).append("\") ");
      }
      sb.append(conditionAnnotation(v.condition(), src));
      for (Feature f : v.features()) {
        sb.append(featureAnnotation(f, src)).append(' ');
      }
      sb.append(c).append(i + 1 < values.size() ? "," : "");
      src.line(sb.toString());
    }
    src.line("}");
    file(javaName, src);
  }

  private void union(UnionDef u) {
    String javaName = javaOf.get(u);
    Source src = new Source();
    src.imports.add("org.qapi4j.annotations.Union");
    QapiDoc doc = docs.get(u.name());
    src.javadoc(doc, "", Map.of());
    annotations(src, "", u.condition(), u.features(), u.name().equals(javaName) ? null : u.name(), false);
    src.line("@Union(discriminator = \"" + u.discriminator() + "\")");
    src.line("public sealed interface " + javaName + " {");
    String base = javaNames.get(u.base());
    Set<String> nested = new HashSet<>();
    nested.add(javaName);
    boolean first = true;
    for (Variant v : u.variants()) {
      String r = variantRecord(v.name(), nested);
      if (!first) {
        src.line("");
      }
      first = false;
      variantAnnotations(src, v, r);
      src.line("  record " + r + "(" + base + " base, " + javaType(v.type(), false, src) + " data) implements "
          + javaName + " {}");
    }
    EnumDef tag = tagEnum(u);
    boolean complete = tag != null && tag.values().stream()
        .allMatch(val -> u.variants().stream().anyMatch(v -> v.name().equals(val.name())));
    if (!complete) {
      String r = variantRecord("no-branch", nested);
      if (!first) {
        src.line("");
      }
      src.line("  /** The values of '" + u.discriminator() + "' without a branch: the base alone. */");
      src.line("  record " + r + "(" + base + " base) implements " + javaName + " {}");
    }
    src.line("}");
    file(javaName, src);
  }

  private EnumDef tagEnum(UnionDef u) {
    if (!(byName.get(u.base()) instanceof StructDef b)) {
      return null;
    }
    for (StructDef s = b; s != null; s = s.base().map(byName::get).filter(StructDef.class::isInstance)
        .map(StructDef.class::cast).orElse(null)) {
      for (Member m : s.members()) {
        if (m.name().equals(u.discriminator()) && byName.get(m.type().qapiName()) instanceof EnumDef e) {
          return e;
        }
      }
    }
    return null;
  }

  /** A nested record name for a branch that shadows no type the file refers to. */
  private String variantRecord(String branch, Set<String> nested) {
    String n = camel(branch, true);
    String candidate = n;
    for (int i = 2; used.contains(candidate) || nested.contains(candidate); i++) {
      candidate = n + "Branch" + (i == 2 ? "" : i);
    }
    nested.add(candidate);
    return candidate;
  }

  private void variantAnnotations(Source src, Variant v, String record) {
    StringBuilder sb = new StringBuilder("  ");
    if (!Names.kebab(record).equals(v.name())) {
      sb.append("@Name(\"").append(v.name()).append("\") ");
    }
    sb.append(conditionAnnotation(v.condition(), src));
    if (sb.length() > 2) {
      src.line(sb.toString().stripTrailing());
    }
  }

  private void alternate(AlternateDef a) {
    String javaName = javaOf.get(a);
    Source src = new Source();
    src.imports.add("org.qapi4j.annotations.Alternate");
    QapiDoc doc = docs.get(a.name());
    src.javadoc(doc, "", Map.of());
    annotations(src, "", a.condition(), a.features(), a.name().equals(javaName) ? null : a.name(), false);
    src.line("@Alternate");
    src.line("public sealed interface " + javaName + " {");
    Set<String> nested = new HashSet<>();
    nested.add(javaName);
    boolean first = true;
    for (Variant v : a.variants()) {
      String r = variantRecord(v.name(), nested);
      if (!first) {
        src.line("");
      }
      first = false;
      QapiDoc.Section section = doc == null ? null : doc.args().get(v.name());
      if (section != null && !section.text().isEmpty()) {
        src.javadocText(section.text(), "  ");
      }
      variantAnnotations(src, v, r);
      String integer = integerType(v.type());
      String type = (integer == null ? "" : "@Type(\"" + integer + "\") ") + javaType(v.type(), false, src);
      src.line("  record " + r + "(" + type + " value) implements " + javaName + " {}");
    }
    src.line("}");
    file(javaName, src);
  }

  // ---- commands and events ----

  private void commands(String name, String module, List<CommandDef> commands) {
    Source src = new Source();
    src.imports.add("org.qapi4j.annotations.Command");
    src.javadocText("The commands of QAPI module {@code " + relativeModule(module) + "}.", "");
    src.line("public interface " + name + " {");
    boolean first = true;
    for (CommandDef c : commands) {
      if (!first) {
        src.line("");
      }
      first = false;
      String method = camel(c.name(), false);
      QapiDoc doc = docs.get(c.name());
      boolean boxed = boxedForm(c.data());
      List<Member> params = params(c.data(), boxed);
      Map<String, String> paramDocs = memberDocs(doc, params, javaMemberNames(params, Set.of()));
      src.javadoc(doc, "  ", paramDocs);
      List<String> attributes = new ArrayList<>();
      if (!Names.kebab(method).equals(c.name())) {
        attributes.add("name = \"" + c.name() + "\"");
      }
      if (c.allowOob()) {
        attributes.add("allowOob = true");
      }
      if (c.coroutine()) {
        attributes.add("coroutine = true");
      }
      if (!c.successResponse()) {
        attributes.add("successResponse = false");
      }
      if (c.allowPreconfig()) {
        attributes.add("allowPreconfig = true");
      }
      if (boxed) {
        attributes.add("boxed = true");
      }
      if (!c.gen()) {
        attributes.add("gen = false");
      }
      annotations(src, "  ", c.condition(), c.features(), null, false);
      src.line("  @Command" + (attributes.isEmpty() ? "" : "(" + String.join(", ", attributes) + ")"));
      String ret = c.returns().map(t -> javaType(t, false, src)).orElse("void");
      String retType = c.returns().map(JavaWriter::integerType).orElse(null);
      if (retType != null) {
        ret = "@Type(\"" + retType + "\") " + ret;
      }
      signature(src, ret, method, c.data(), boxed, params);
    }
    src.line("}");
    file(name, src);
  }

  private void events(String name, String module, List<EventDef> events) {
    Source src = new Source();
    src.imports.add("org.qapi4j.annotations.Event");
    src.javadocText("The events of QAPI module {@code " + relativeModule(module) + "}.", "");
    src.line("public interface " + name + " {");
    boolean first = true;
    for (EventDef e : events) {
      if (!first) {
        src.line("");
      }
      first = false;
      String method = camel(e.name().toLowerCase(Locale.ROOT), false);
      QapiDoc doc = docs.get(e.name());
      boolean boxed = boxedForm(e.data());
      List<Member> params = params(e.data(), boxed);
      src.javadoc(doc, "  ", memberDocs(doc, params, javaMemberNames(params, Set.of())));
      List<String> attributes = new ArrayList<>();
      if (!Names.eventName(method).equals(e.name())) {
        attributes.add("name = \"" + e.name() + "\"");
      }
      if (boxed) {
        attributes.add("boxed = true");
      }
      e.throttle().ifPresent(t -> {
        attributes.add("throttleMillis = " + t.millis());
        t.key().ifPresent(k -> attributes.add("throttleKey = \"" + k + "\""));
      });
      annotations(src, "  ", e.condition(), e.features(), null, false);
      src.line("  @Event" + (attributes.isEmpty() ? "" : "(" + String.join(", ", attributes) + ")"));
      signature(src, "void", method, e.data(), boxed, params);
    }
    src.line("}");
    file(name, src);
  }

  /**
   * True if the arguments are a named type: in Java, one parameter of that type with
   * {@code boxed = true}, whether or not QAPI says {@code 'boxed'} — the wire and the
   * introspection are the same, only QEMU's C calling convention differs.
   */
  private boolean boxedForm(Optional<String> data) {
    return data.isPresent() && !(byName.get(data.get()) instanceof StructDef s && s.implicit());
  }

  /** The members that become parameters: an implicit argument type's, or none. */
  private List<Member> params(Optional<String> data, boolean boxed) {
    if (!boxed && data.isPresent() && byName.get(data.get()) instanceof StructDef s && s.implicit()) {
      return s.members();
    }
    return List.of();
  }

  private void signature(
      Source src, String ret, String method, Optional<String> data, boolean boxed, List<Member> params) {
    List<String> declared = new ArrayList<>();
    if (boxed) {
      declared.add(javaNames.get(data.orElseThrow()) + " arguments");
    } else if (data.isPresent() && params.isEmpty()) {
      // Arguments given by a struct name without 'boxed': its members are the parameters.
      if (byName.get(data.get()) instanceof StructDef s) {
        params = flatten(s);
      }
    }
    List<String> names = javaMemberNames(params, Set.of());
    for (int i = 0; i < names.size(); i++) {
      declared.add(member(params.get(i), names.get(i), src));
    }
    if (declared.isEmpty()) {
      src.line("  " + ret + " " + method + "();");
    } else if (declared.size() == 1 && declared.get(0).length() + ret.length() + method.length() < 80) {
      src.line("  " + ret + " " + method + "(" + declared.get(0) + ");");
    } else {
      src.line("  " + ret + " " + method + "(");
      src.list(declared, "      ");
      src.line("  );");
    }
  }

  private List<Member> flatten(StructDef s) {
    List<Member> out = new ArrayList<>();
    if (s.base().isPresent() && byName.get(s.base().get()) instanceof StructDef b) {
      out.addAll(flatten(b));
    }
    out.addAll(s.members());
    return out;
  }

  private void root(List<String> commandInterfaces, List<String> eventInterfaces) {
    String name = claim(typeName(camel(schema.name(), true)) + (schema.name().endsWith("schema") ? "" : "Schema"));
    Source src = new Source();
    src.imports.add("org.qapi4j.annotations.Schema");
    src.javadocText("The QAPI schema {@code " + schema.name() + "}, imported by qapi4j.", "");
    List<String> attributes = new ArrayList<>();
    attributes.add("value = \"" + schema.name() + "\"");
    if (!eventInterfaces.isEmpty()) {
      attributes.add("events = " + array(eventInterfaces.stream().map(e -> e + ".class").toList()));
    }
    if (schema.pragmas().docRequired()) {
      attributes.add("docRequired = true");
    }
    if (!schema.pragmas().commandNameExceptions().isEmpty()) {
      attributes.add("commandNameExceptions = " + strings(schema.pragmas().commandNameExceptions()));
    }
    if (!schema.pragmas().commandReturnsExceptions().isEmpty()) {
      attributes.add("commandReturnsExceptions = " + strings(schema.pragmas().commandReturnsExceptions()));
    }
    List<String> memberExceptions = new ArrayList<>();
    for (String n : schema.pragmas().memberNameExceptions()) {
      memberExceptions.add(n);
      if (unionBases.containsKey(n)) {
        memberExceptions.add(unionBases.get(n)); // the record holding the union's inline base
      }
    }
    if (!memberExceptions.isEmpty()) {
      attributes.add("memberNameExceptions = " + strings(memberExceptions));
    }
    List<String> unused = unusedTypes();
    if (!unused.isEmpty()) {
      attributes.add("types = " + array(unused.stream().map(t -> t + ".class").toList()));
    }
    List<String> order = schema.definitions().stream()
        .filter(d -> d instanceof CommandDef || d instanceof EventDef).map(Definition::name).toList();
    attributes.add("definitionOrder = " + strings(order));
    src.line("@Schema(");
    src.list(attributes, "    ");
    src.line(")");
    if (commandInterfaces.isEmpty()) {
      src.line("public interface " + name + " {}");
    } else {
      src.line("public interface " + name);
      src.line("    extends " + String.join(",\n        ", commandInterfaces) + " {}");
    }
    file(name, src);
  }

  /** The Java names of the types no command or event reaches, in definition order. */
  private List<String> unusedTypes() {
    Set<String> reached = new HashSet<>();
    List<String> queue = new ArrayList<>();
    for (Definition d : schema.definitions()) {
      if (d instanceof CommandDef c) {
        c.data().ifPresent(queue::add);
        c.returns().ifPresent(t -> queue.add(element(t)));
      } else if (d instanceof EventDef e) {
        e.data().ifPresent(queue::add);
      }
    }
    while (!queue.isEmpty()) {
      String name = queue.remove(queue.size() - 1);
      if (!reached.add(name)) {
        continue;
      }
      Definition d = byName.get(name);
      if (d instanceof StructDef s) {
        s.base().ifPresent(queue::add);
        s.members().forEach(m -> queue.add(element(m.type())));
      } else if (d instanceof UnionDef u) {
        queue.add(u.base());
        u.variants().forEach(v -> queue.add(element(v.type())));
      } else if (d instanceof AlternateDef a) {
        a.variants().forEach(v -> queue.add(element(v.type())));
      }
    }
    List<String> out = new ArrayList<>();
    for (Definition d : schema.definitions()) {
      if (!d.implicit() && !(d instanceof CommandDef) && !(d instanceof EventDef) && !reached.contains(d.name())) {
        out.add(javaOf.get(d));
      }
    }
    return out;
  }

  private static String element(TypeRef t) {
    return t instanceof TypeRef.Array a ? a.element().qapiName() : t.qapiName();
  }

  private static String strings(List<String> values) {
    return array(values.stream().map(v -> "\"" + v + "\"").toList());
  }

  private static String array(List<String> values) {
    if (values.size() == 1) {
      return values.get(0);
    }
    return "{\n        " + String.join(",\n        ", values) + "\n    }";
  }

  // ---- annotations shared by every element ----

  private void annotations(
      Source src, String indent, Condition cond, List<Feature> features, String name, boolean implicit) {
    if (name != null) {
      src.line(indent + "@Name(\"" + name + "\")");
    }
    String c = conditionAnnotation(cond, src).strip();
    if (!c.isEmpty()) {
      src.line(indent + c);
    }
    for (Feature f : features) {
      src.line(indent + featureAnnotation(f, src));
    }
  }

  private String featureAnnotation(Feature f, Source src) {
    src.imports.add("org.qapi4j.annotations.Feature");
    if (f.condition().equals(Condition.ALWAYS)) {
      return "@Feature(\"" + f.name() + "\")";
    }
    return "@Feature(value = \"" + f.name() + "\", condition = " + ifValue(f.condition()) + ")";
  }

  /** {@code @If(...)} followed by a blank, or nothing for an unconditional element. */
  private String conditionAnnotation(Condition cond, Source src) {
    if (cond.equals(Condition.ALWAYS)) {
      return "";
    }
    src.imports.add("org.qapi4j.annotations.If");
    return "@If(" + ifValue(cond) + ") ";
  }

  /** The condition as the string {@code @If} takes: QAPI's own form, {@code all(A, not(B))}. */
  static String ifValue(Condition cond) {
    return "\"" + org.qapi4j.model.ConditionSyntax.format(cond) + "\"";
  }

  // ---- docs ----

  /** The {@code @param} lines of members, under their Java names ({@code names}, in the same order). */
  private static Map<String, String> memberDocs(QapiDoc doc, List<Member> members, List<String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    if (doc == null) {
      return out;
    }
    for (int i = 0; i < members.size(); i++) {
      QapiDoc.Section s = doc.args().get(members.get(i).name());
      if (s != null && !s.text().isEmpty()) {
        out.put(names.get(i), s.text());
      }
    }
    return out;
  }

  private void file(String javaName, Source src) {
    StringBuilder sb = new StringBuilder();
    sb.append("package ").append(pkg).append(";\n\n");
    for (String i : new TreeSet<>(src.imports)) {
      sb.append("import ").append(i).append(";\n");
    }
    if (!src.imports.isEmpty()) {
      sb.append('\n');
    }
    sb.append(src.body);
    files.put(pkg.replace('.', '/') + "/" + javaName + ".java", sb.toString());
  }

  /** The text of one file being written, and the imports it needs. */
  private static final class Source {
    final Set<String> imports = new TreeSet<>();
    final StringBuilder body = new StringBuilder();

    void line(String s) {
      if (s.contains("@Name(")) {
        imports.add("org.qapi4j.annotations.Name");
      }
      if (s.contains("@Optional ")) {
        imports.add("org.qapi4j.annotations.Optional");
      }
      if (s.contains("@Type(")) {
        imports.add("org.qapi4j.annotations.Type");
      }
      if (s.contains("@Base ")) {
        imports.add("org.qapi4j.annotations.Base");
      }
      body.append(s).append('\n');
    }

    void list(List<String> items, String indent) {
      for (int i = 0; i < items.size(); i++) {
        line(indent + items.get(i) + (i + 1 < items.size() ? "," : ""));
      }
    }

    /** A definition's doc comment as Javadoc: body, sections, and {@code @param} for members. */
    void javadoc(QapiDoc doc, String indent, Map<String, String> params) {
      List<String> paragraphs = new ArrayList<>();
      if (doc != null) {
        if (!doc.bodyText().isEmpty()) {
          paragraphs.add(escape(doc.bodyText()));
        }
        for (QapiDoc.Section s : doc.sections()) {
          if (s.name() == null) {
            paragraphs.add(escape(s.text()));
          } else if (s.name().startsWith("Example")) {
            paragraphs.add("<p>" + s.name() + ":\n<pre>\n" + escape(s.text()) + "\n</pre>");
          } else {
            paragraphs.add("<p>" + s.name() + ": " + escape(s.text()));
          }
        }
      }
      if (paragraphs.isEmpty() && params.isEmpty()) {
        if (doc == null || doc.symbol() == null) {
          return;
        }
        // Documented only member by member (an enum's values): the definition keeps a doc comment
        // of its own, which @Schema(docRequired = true) asks for as QEMU's doc-required does.
        paragraphs.add(escape(doc.symbol()) + ".");
      }
      body.append(indent).append("/**\n");
      for (int i = 0; i < paragraphs.size(); i++) {
        if (i > 0) {
          body.append(indent).append(" *\n");
        }
        String p = paragraphs.get(i);
        if (i > 0 && !p.startsWith("<p>")) {
          p = "<p>" + p;
        }
        appendLines(indent, p);
      }
      if (!params.isEmpty()) {
        if (!paragraphs.isEmpty()) {
          body.append(indent).append(" *\n");
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
          appendLines(indent, "@param " + e.getKey() + " " + escape(e.getValue()));
        }
      }
      body.append(indent).append(" */\n");
    }

    void javadocText(String text, String indent) {
      body.append(indent).append("/**\n");
      appendLines(indent, text.contains("{@code") ? text : escape(text));
      body.append(indent).append(" */\n");
    }

    private void appendLines(String indent, String text) {
      for (String l : text.split("\n", -1)) {
        body.append(indent).append(l.isEmpty() ? " *" : " * " + l).append('\n');
      }
    }

    private static final java.util.regex.Pattern QAPI_REF =
        java.util.regex.Pattern.compile("@([A-Za-z][\\w-]*\\w|[A-Za-z])|@");

    /** Doc text as Javadoc: HTML escaped, QAPI's {@code @name} references as code. */
    private static String escape(String text) {
      String html = text.replace("&", "&amp;")
          .replace("<", "&lt;")
          .replace(">", "&gt;")
          .replace("*/", "*&#47;")
          .replace("\\", "&#92;");
      java.util.regex.Matcher m = QAPI_REF.matcher(html);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(sb, m.group(1) == null ? "&#64;" : "{@code " + m.group(1) + "}");
      }
      m.appendTail(sb);
      return sb.toString();
    }
  }
}
