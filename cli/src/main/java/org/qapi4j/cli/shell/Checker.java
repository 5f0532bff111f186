package org.qapi4j.cli.shell;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a command against the server's schema before it is sent, as QEMU's input visitor would
 * check it, with QEMU's texts ({@code Parameter 'PATH' is missing}, {@code ... is unexpected},
 * {@code Invalid parameter type for 'PATH', expected: T}, {@code Parameter 'PATH' does not accept
 * value 'V'}, {@code The command NAME has not been found}). Paths are QEMU's ({@code backend.data.path},
 * {@code actions[0].data.device}), always in full (QEMU names a bad enum value by its member alone).
 * The first error found is reported, in QEMU's order: an object's members in the schema's order
 * (a union's base, then its variant), then any member it does not have.
 *
 * <p>Where the schema wants a string (or an enum) and a bare word was read as a number or a
 * boolean ({@code id=1}, {@code name=true}), the word is sent as the string it is: qmp-shell would
 * send the number, and the server refuse it.
 */
public final class Checker {
  /** What is wrong, and the argument as typed that it concerns (null: the command itself). */
  public record Problem(String path, String message, CommandParser.Arg arg) {}

  private final ServerSchema schema;
  private final Map<String, CommandParser.Arg> bare = new HashMap<>();

  private Checker(ServerSchema schema) {
    this.schema = schema;
  }

  /**
   * Checks {@code command} (whose arguments it may change: bare words sent as strings where strings
   * are wanted); the problem, if any.
   */
  public static Optional<Problem> check(ServerSchema schema, CommandParser.Parsed command) {
    return new Checker(schema).run(command);
  }

  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String path;

    Failure(String path, String message) {
      super(message, null, false, false);
      this.path = path;
    }
  }

  private Optional<Problem> run(CommandParser.Parsed command) {
    if (schema == null) {
      return Optional.empty();
    }
    if (!schema.hasCommand(command.command())) {
      return Optional.of(new Problem("", "The command " + command.command() + " has not been found", null));
    }
    String argType = schema.argType(command.command());
    if (argType == null || !schema.typed()) {
      return Optional.empty();
    }
    for (CommandParser.Arg a : command.args()) {
      if (a.bareScalar()) {
        bare.put(a.path(), a);
      }
    }
    try {
      object(command.arguments(), argType, "");
      return Optional.empty();
    } catch (Failure f) {
      return Optional.of(new Problem(f.path, f.getMessage(), argOf(command.args(), f.path)));
    }
  }

  /** The argument typed that holds the value at {@code path}, or that builds it. */
  static CommandParser.Arg argOf(List<CommandParser.Arg> args, String path) {
    for (CommandParser.Arg a : args) {
      if (path.equals(a.path()) || path.startsWith(a.path() + ".") || path.startsWith(a.path() + "[")) {
        return a;
      }
    }
    // A member missing, or an object built by dotted keys: the first argument that builds it.
    for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
      for (CommandParser.Arg a : args) {
        if (a.path().startsWith(p + ".")) {
          return a;
        }
      }
    }
    return null;
  }

  private static String join(String path, String member) {
    return path.isEmpty() ? member : path + "." + member;
  }

  private static Failure type(String path, String expected) {
    return new Failure(path, "Invalid parameter type for '" + path + "', expected: " + expected);
  }

  /** Checks {@code value} against {@code type}; the value to send (a bare word may become a string). */
  private Object value(Object value, String type, String path) {
    String meta = schema.metaType(type);
    if (meta == null) {
      return value; // a type the reply lacks: nothing to check against
    }
    switch (meta) {
      case "builtin" -> {
        return builtin(value, schema.jsonType(type), path);
      }
      case "enum" -> {
        value = asString(value, path);
        if (!(value instanceof String s)) {
          throw type(path, "string");
        }
        if (!schema.enumValues(type).contains(s)) {
          throw new Failure(path, "Parameter '" + path + "' does not accept value '" + s + "'");
        }
        return s;
      }
      case "array" -> {
        if (!(value instanceof List<?> list)) {
          throw type(path, "array");
        }
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) list;
        for (int i = 0; i < l.size(); i++) {
          l.set(i, value(l.get(i), schema.elementType(type), path + "[" + i + "]"));
        }
        return l;
      }
      case "object" -> {
        if (!(value instanceof Map<?, ?> m)) {
          throw type(path, "object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) m;
        object(map, type, path);
        return map;
      }
      case "alternate" -> {
        return alternate(value, type, path);
      }
      default -> {
        return value;
      }
    }
  }

  private Object asString(Object value, String path) {
    CommandParser.Arg a = bare.get(path);
    return a != null && (value instanceof Number || value instanceof Boolean) ? a.valueText() : value;
  }

  private Object builtin(Object value, String jsonType, String path) {
    if (jsonType == null) {
      return value;
    }
    switch (jsonType) {
      case "value" -> {
        return value;
      }
      case "string" -> {
        value = asString(value, path);
        if (!(value instanceof String)) {
          throw type(path, "string");
        }
        return value;
      }
      case "int" -> {
        BigInteger b = JsonText.integer(value);
        if (b == null || b.compareTo(BigInteger.ONE.shiftLeft(64)) >= 0 || b.compareTo(BigInteger.ONE.shiftLeft(63).negate()) < 0) {
          throw type(path, "integer");
        }
        return value;
      }
      case "number" -> {
        if (!(value instanceof Number)) {
          throw type(path, "number");
        }
        return value;
      }
      case "boolean" -> {
        if (!(value instanceof Boolean)) {
          throw type(path, "boolean");
        }
        return value;
      }
      case "null" -> {
        if (value != null) {
          throw type(path, "null");
        }
        return null;
      }
      default -> {
        return value;
      }
    }
  }

  private void object(Map<String, Object> map, String type, String path) {
    Set<String> known = new HashSet<>();
    List<ServerSchema.Member> members = new ArrayList<>(schema.members(type));
    String tag = schema.tag(type);
    check(map, members, path, known);
    if (tag != null && map.get(tag) instanceof String c) {
      String variant = schema.variants(type).get(c);
      if (variant != null) {
        check(map, schema.members(variant), path, known);
      }
    }
    for (String name : map.keySet()) {
      if (!known.contains(name)) {
        throw new Failure(join(path, name), "Parameter '" + join(path, name) + "' is unexpected");
      }
    }
  }

  private void check(Map<String, Object> map, List<ServerSchema.Member> members, String path, Set<String> known) {
    for (ServerSchema.Member m : members) {
      known.add(m.name());
      String p = join(path, m.name());
      if (!map.containsKey(m.name())) {
        if (!m.optional()) {
          throw new Failure(p, "Parameter '" + p + "' is missing");
        }
        continue;
      }
      map.put(m.name(), value(map.get(m.name()), m.type(), p));
    }
  }

  private Object alternate(Object value, String type, String path) {
    List<String> branches = schema.alternatives(type);
    List<String> kinds = new ArrayList<>();
    String stringBranch = null;
    for (String b : branches) {
      String kind = kind(b);
      kinds.add(kind);
      if (kind.equals("string")) {
        stringBranch = b;
      }
      if (fits(value, kind)) {
        return value(value, b, path);
      }
    }
    if (stringBranch != null && bare.containsKey(path) && (value instanceof Number || value instanceof Boolean)) {
      return value(value, stringBranch, path);
    }
    throw type(path, String.join(" or ", kinds));
  }

  /** The JSON type of a type's values: string, integer, number, boolean, null, object, array, value. */
  private String kind(String type) {
    String meta = schema.metaType(type);
    if (meta == null) {
      return "value";
    }
    return switch (meta) {
      case "enum" -> "string";
      case "array" -> "array";
      case "object" -> "object";
      case "builtin" -> {
        String j = schema.jsonType(type);
        yield "int".equals(j) ? "integer" : j == null ? "value" : j;
      }
      default -> "value";
    };
  }

  private static boolean fits(Object value, String kind) {
    return switch (kind) {
      case "value" -> true;
      case "string" -> value instanceof String;
      case "integer" -> JsonText.integer(value) != null;
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      case "null" -> value == null;
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      default -> false;
    };
  }
}
