package org.qapi4j.runtime.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.qapi4j.runtime.client.Json;
import org.qapi4j.runtime.json.JsonValue;
import org.qapi4j.runtime.json.JsonValue.JsonArray;
import org.qapi4j.runtime.json.JsonValue.JsonObject;
import org.qapi4j.runtime.json.JsonValue.JsonString;

/**
 * What a QMP server offers, from its {@code query-qmp-schema} reply: the entries by name, and
 * libvirt's query paths over them ({@code virQEMUQAPISchemaPathGet} in libvirt's
 * {@code src/qemu/qemu_qapi.c}), with the same answers.
 *
 * <pre>{@code
 * IntrospectedSchema schema = IntrospectedSchema.of(qmp.execute("query-qmp-schema"));
 * schema.exists("blockdev-add/arg-type/+file/aio/^io_uring");   // true on QEMU 7.2
 * schema.exists("block-commit/arg-type/*top");                  // true: 'top' is optional
 * }</pre>
 *
 * <p><b>Paths</b> are components separated by {@code /}. The first names an entry, usually a
 * command or an event. Each next one is read by the entry reached so far:
 *
 * <ul>
 *   <li>a command or event: {@code arg-type} or {@code ret-type} (any member of the entry whose
 *       value is a type name), or a terminal {@code $feature};
 *   <li>an object: {@code member}; {@code *member}, which must be optional (have a
 *       {@code default}); {@code +case}, a variant of the object (a union's branch); or a
 *       terminal {@code $feature} of the object type;
 *   <li>an enum: a terminal {@code ^value}, optionally followed by {@code $feature} of that value;
 *   <li>a builtin: a terminal {@code !json-type} ({@code string}, {@code int}, {@code number},
 *       {@code boolean}, {@code null}, {@code value}), true if it is the builtin's;
 *   <li>an array is flattened: the component applies to its element type;
 *   <li>an alternate tries each of its branches in turn; the first that answers (true or an
 *       error) decides.
 * </ul>
 *
 * <p>A component starting with anything but an ASCII letter is a modifier; a name that itself does
 * not start with a letter is written after one space ({@code " 0name"}). A terminal component
 * ({@code ^ ! $}) cannot be followed by another, except an enum value's {@code $feature}.
 *
 * <p><b>Answers</b> ({@link #query}): {@link PathResult.Status#FOUND} (for a path ending on a type,
 * with the entry reached; for a terminal, without), {@code NOT_FOUND}, or, as libvirt reports
 * errors, {@code MALFORMED_SCHEMA} (a type name that names no entry, a nesting over 1000, a
 * malformed entry) and {@code MALFORMED_QUERY} (a terminal followed by more, an empty component).
 * {@link #exists} is true for {@code FOUND} only; {@link #get} returns the entry reached (empty
 * when not found or for a terminal) and throws for the errors. The one departure from libvirt: an
 * empty component ({@code a//b}, a trailing {@code /}), on which libvirt reads past the string, is
 * a malformed query.
 *
 * <p>Immutable and thread-safe.
 */
public final class IntrospectedSchema {
  /** libvirt's bound on nesting ("possible loop in QMP schema"). */
  static final int MAX_DEPTH = 1000;

  private final Map<String, JsonObject> entries;

  private IntrospectedSchema(Map<String, JsonObject> entries) {
    this.entries = entries;
  }

  /**
   * A {@code query-qmp-schema} reply: the {@code return} value, a JSON array of SchemaInfo objects.
   * Throws {@link IllegalArgumentException} if it is not an array, or an element is not an object
   * with a string {@code name}. A later entry of a name already seen is ignored (libvirt refuses
   * the duplicate).
   */
  public static IntrospectedSchema of(JsonValue reply) {
    Objects.requireNonNull(reply, "reply");
    if (!(reply instanceof JsonArray array)) {
      throw new IllegalArgumentException("a query-qmp-schema reply is a JSON array, not " + kind(reply));
    }
    Map<String, JsonObject> entries = new LinkedHashMap<>();
    for (JsonValue e : array.elements()) {
      if (!(e instanceof JsonObject o) || !(o.members().get("name") instanceof JsonString name)) {
        throw new IllegalArgumentException("malformed QMP schema: an entry without a name: " + Json.toText(e));
      }
      entries.putIfAbsent(name.value(), o);
    }
    return new IntrospectedSchema(Collections.unmodifiableMap(entries));
  }

  /** {@link #of} on JSON text (QEMU's dialect). */
  public static IntrospectedSchema parse(String json) {
    return of(Json.parse(json));
  }

  /**
   * {@link #of} on JSON bytes: a reply as printed, or what a generated dispatch table's
   * {@code introspection()} holds.
   */
  public static IntrospectedSchema parse(byte[] json) {
    return of(Json.parse(json, 0, json.length));
  }

  /** The entries by name, in the reply's order. */
  public Map<String, JsonObject> entries() {
    return entries;
  }

  /** The entry named {@code name}, or null. */
  public JsonObject entry(String name) {
    return entries.get(name);
  }

  /** The names of the commands, in the reply's order. */
  public List<String> commands() {
    return names("command");
  }

  /** The names of the events, in the reply's order. */
  public List<String> events() {
    return names("event");
  }

  private List<String> names(String metaType) {
    List<String> names = new ArrayList<>();
    entries.forEach((name, e) -> {
      if (metaType.equals(string(e, "meta-type"))) {
        names.add(name);
      }
    });
    return names;
  }

  // ------------------------------------------------------------------ libvirt's query paths

  /** Whether {@code path} is found ({@code virQEMUQAPISchemaPathExists}); false for errors too. */
  public boolean exists(String path) {
    return query(path).status() == PathResult.Status.FOUND;
  }

  /**
   * The entry {@code path} leads to ({@code virQEMUQAPISchemaPathGet}): empty when the path is not
   * found, and for a path ending with a terminal ({@code ^ ! $}), which answers yes or no only (ask
   * {@link #exists}). Throws {@link IllegalArgumentException} where libvirt reports an error: a
   * malformed query or schema.
   */
  public Optional<JsonObject> get(String path) {
    PathResult r = query(path);
    return switch (r.status()) {
      case FOUND, NOT_FOUND -> Optional.ofNullable(r.entry());
      case MALFORMED_QUERY -> throw new IllegalArgumentException("terminal QAPI query component '"
          + r.component() + "' of '" + path + "' must not have followers (or is empty)");
      case MALFORMED_SCHEMA -> throw new IllegalArgumentException("malformed QAPI schema when querying '"
          + r.component() + "' of '" + path + "'");
    };
  }

  /** The full answer to {@code path}: status, entry reached, and the component last read. */
  public PathResult query(String path) {
    Objects.requireNonNull(path, "path");
    String[] components = path.split("/", -1);
    for (String c : components) {
      if (c.isEmpty()) {
        return new PathResult(PathResult.Status.MALFORMED_QUERY, null, c);
      }
    }
    Walk w = new Walk(components);
    String first = w.next();
    if (!entries.containsKey(first)) {
      return new PathResult(PathResult.Status.NOT_FOUND, null, first);
    }
    int rc = traverse(first, w);
    PathResult.Status status = switch (rc) {
      case 1 -> PathResult.Status.FOUND;
      case 0 -> PathResult.Status.NOT_FOUND;
      case -3 -> PathResult.Status.MALFORMED_QUERY;
      default -> PathResult.Status.MALFORMED_SCHEMA;
    };
    return new PathResult(status, w.returnType, w.prev);
  }

  /** The traversal's state (libvirt's virQEMUQAPISchemaTraverseContext). */
  private static final class Walk {
    final String[] queries;
    int index;
    String prev;
    JsonObject returnType;
    int depth;

    Walk(String[] queries) {
      this.queries = queries;
    }

    String next() {
      prev = queries[index++];
      return prev;
    }

    boolean hasNext() {
      return index < queries.length;
    }

    void restore(Walk saved) {
      index = saved.index;
      prev = saved.prev;
      returnType = saved.returnType;
      depth = saved.depth;
    }

    Walk save() {
      Walk w = new Walk(queries);
      w.restore(this);
      return w;
    }
  }

  // 1 found, 0 not found, -1 error, -2 malformed schema, -3 malformed query: libvirt's codes
  private int traverse(String name, Walk w) {
    if (w.depth++ > MAX_DEPTH) {
      return -2;
    }
    JsonObject cur = name == null ? null : entries.get(name);
    if (cur == null) {
      return -2;
    }
    if (!w.hasNext()) {
      w.returnType = cur;
      return 1;
    }
    String metaType = string(cur, "meta-type");
    if (metaType == null) {
      return -2;
    }
    return switch (metaType) {
      case "object" -> object(cur, w);
      case "array" -> {
        String element = string(cur, "element-type");
        yield element == null ? -2 : traverse(element, w); // flattened: no component read
      }
      case "command", "event" -> command(cur, w);
      case "enum" -> enumeration(cur, w);
      case "builtin" -> builtin(cur, w);
      case "alternate" -> alternate(cur, w);
      default -> 0;
    };
  }

  private int object(JsonObject cur, Walk w) {
    String query = w.next();
    char modifier = query.charAt(0);
    if (!isAsciiAlpha(modifier)) {
      query = query.substring(1);
    }
    if (modifier == '^' || modifier == '!') {
      return 0;
    }
    if (modifier == '$') {
      return w.hasNext() ? -3 : hasFeature(query, cur);
    }
    JsonObject obj;
    if (modifier == '+') {
      obj = find(cur, "variants", query, "case");
    } else {
      obj = find(cur, "members", query, "name");
      if (modifier == '*' && (obj == null || !obj.members().containsKey("default"))) {
        return 0;
      }
    }
    if (obj == null) {
      return 0;
    }
    return traverse(string(obj, "type"), w);
  }

  private int command(JsonObject cur, Walk w) {
    String query = w.next();
    char modifier = query.charAt(0);
    if (!isAsciiAlpha(modifier)) {
      query = query.substring(1);
    }
    if (modifier == '^' || modifier == '!' || modifier == '+' || modifier == '*') {
      return 0;
    }
    if (modifier == '$') {
      return w.hasNext() ? -3 : hasFeature(query, cur);
    }
    String type = string(cur, query);
    return type == null ? 0 : traverse(type, w);
  }

  private int enumeration(JsonObject cur, Walk w) {
    String query = w.next();
    if (query.charAt(0) != '^') {
      return 0;
    }
    String featureQuery = null;
    if (w.hasNext()) { // a feature of the enum value
      featureQuery = w.next();
      if (featureQuery.charAt(0) != '$' || w.hasNext()) {
        return -3;
      }
      featureQuery = featureQuery.substring(1);
    }
    query = query.substring(1);
    if (cur.members().get("members") instanceof JsonArray members) { // QEMU 6.2+
      for (JsonValue m : members.elements()) {
        String name = m instanceof JsonObject o ? string(o, "name") : null;
        if (name == null) {
          return -2;
        }
        if (name.equals(query)) {
          return featureQuery != null ? hasFeature(featureQuery, (JsonObject) m) : 1;
        }
      }
      return 0;
    }
    if (featureQuery != null) { // "values" has no features
      return 0;
    }
    if (!(cur.members().get("values") instanceof JsonArray values)) {
      return -2;
    }
    for (JsonValue v : values.elements()) {
      if (v instanceof JsonString s && s.value().equals(query)) {
        return 1;
      }
    }
    return 0;
  }

  private static int builtin(JsonObject cur, Walk w) {
    String query = w.next();
    if (query.charAt(0) != '!') {
      return 0;
    }
    if (w.hasNext()) {
      return -3;
    }
    String jsonType = string(cur, "json-type");
    if (jsonType == null) {
      return -1;
    }
    return jsonType.equals(query.substring(1)) ? 1 : 0;
  }

  private int alternate(JsonObject cur, Walk w) {
    if (!(cur.members().get("members") instanceof JsonArray members)) {
      return -2;
    }
    Walk saved = w.save();
    for (JsonValue m : members.elements()) {
      String type = m instanceof JsonObject o ? string(o, "type") : null;
      if (type == null) {
        continue;
      }
      w.restore(saved);
      int rc = traverse(type, w);
      if (rc != 0) {
        return rc;
      }
    }
    return 0;
  }

  /** 1 if {@code feature} is in the entry's {@code features}, 0 if not, -2 if they are malformed. */
  private static int hasFeature(String feature, JsonObject entry) {
    if (!(entry.members().get("features") instanceof JsonArray features)) {
      return 0;
    }
    for (JsonValue f : features.elements()) {
      if (!(f instanceof JsonString s)) {
        return -2;
      }
      if (s.value().equals(feature)) {
        return 1;
      }
    }
    return 0;
  }

  /** The element of the array {@code field} whose {@code key} is {@code name}. */
  private static JsonObject find(JsonObject entry, String field, String name, String key) {
    if (!(entry.members().get(field) instanceof JsonArray array)) {
      return null;
    }
    for (JsonValue e : array.elements()) {
      if (e instanceof JsonObject o && name.equals(string(o, key))) {
        return o;
      }
    }
    return null;
  }

  static String string(JsonObject o, String member) {
    return o.members().get(member) instanceof JsonString s ? s.value() : null;
  }

  private static boolean isAsciiAlpha(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static String kind(JsonValue v) {
    return v.getClass().getSimpleName().replace("Json", "").toLowerCase(java.util.Locale.ROOT);
  }

  // ------------------------------------------------------------------ every path

  /**
   * Every path this schema answers true, in libvirt's language, sorted: each command and event,
   * its {@code $features}, and below {@code arg-type} and {@code ret-type} every member, variant
   * ({@code +case}), enum value ({@code ^value}, and its {@code $features}), object type feature
   * and builtin type ({@code !json-type}), arrays flattened and alternates' branches merged, as
   * the queries see them. A type met again below itself (a recursive type) is not expanded again.
   * Type names do not appear (QEMU numbers its types, differently from one build to the next), so
   * the paths of two servers compare.
   */
  public Set<String> paths() {
    Set<String> out = new TreeSet<>();
    Set<String> stack = new HashSet<>();
    entries.forEach((name, e) -> {
      String metaType = string(e, "meta-type");
      if (!"command".equals(metaType) && !"event".equals(metaType)) {
        return;
      }
      String root = name; // the first component is a name as it is
      out.add(root);
      features(root, e, out);
      for (String attribute : List.of("arg-type", "ret-type")) {
        String type = string(e, attribute);
        if (type != null) {
          walk(root + "/" + attribute, type, stack, out);
        }
      }
    });
    return Collections.unmodifiableSet(out);
  }

  private void walk(String prefix, String typeName, Set<String> stack, Set<String> out) {
    JsonObject type = entries.get(typeName);
    if (type == null || !stack.add(typeName)) {
      return;
    }
    try {
      switch (String.valueOf(string(type, "meta-type"))) {
        case "object" -> {
          features(prefix, type, out);
          if (type.members().get("members") instanceof JsonArray members) {
            for (JsonValue m : members.elements()) {
              if (m instanceof JsonObject o && string(o, "name") != null) {
                String p = prefix + "/" + component(string(o, "name"));
                out.add(p);
                walk(p, string(o, "type"), stack, out);
              }
            }
          }
          if (type.members().get("variants") instanceof JsonArray variants) {
            for (JsonValue v : variants.elements()) {
              if (v instanceof JsonObject o && string(o, "case") != null) {
                String p = prefix + "/+" + string(o, "case");
                out.add(p);
                walk(p, string(o, "type"), stack, out);
              }
            }
          }
        }
        case "array" -> walk(prefix, string(type, "element-type"), stack, out);
        case "alternate" -> {
          if (type.members().get("members") instanceof JsonArray members) {
            for (JsonValue m : members.elements()) {
              if (m instanceof JsonObject o) {
                walk(prefix, string(o, "type"), stack, out);
              }
            }
          }
        }
        case "enum" -> {
          if (type.members().get("members") instanceof JsonArray members) {
            for (JsonValue m : members.elements()) {
              if (m instanceof JsonObject o && string(o, "name") != null) {
                String p = prefix + "/^" + string(o, "name");
                out.add(p);
                features(p, o, out);
              }
            }
          } else if (type.members().get("values") instanceof JsonArray values) {
            for (JsonValue v : values.elements()) {
              if (v instanceof JsonString s) {
                out.add(prefix + "/^" + s.value());
              }
            }
          }
        }
        case "builtin" -> {
          String jsonType = string(type, "json-type");
          if (jsonType != null) {
            out.add(prefix + "/!" + jsonType);
          }
        }
        default -> {}
      }
    } finally {
      stack.remove(typeName);
    }
  }

  private static void features(String prefix, JsonObject entry, Set<String> out) {
    if (entry.members().get("features") instanceof JsonArray features) {
      for (JsonValue f : features.elements()) {
        if (f instanceof JsonString s) {
          out.add(prefix + "/$" + s.value());
        }
      }
    }
  }

  /** A name as a path component: after a space if it does not start with an ASCII letter. */
  static String component(String name) {
    return !name.isEmpty() && isAsciiAlpha(name.charAt(0)) ? name : " " + name;
  }

  @Override
  public String toString() {
    return "IntrospectedSchema[" + entries.size() + " entries]";
  }
}
