package org.qapi4j.qapijson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.UnionDef;

/**
 * The importer's Java names: a type's simple name (unique in the package), a member's or method's
 * camel-case name whose derivation gives the QAPI name back where it can, an enum constant's.
 */
final class JavaNames {
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

  /** Java simple names in use in the package. */
  private final Set<String> used = new HashSet<>(TAKEN);
  /** QAPI type name to Java simple name (the first definition's, for a name defined twice). */
  private final Map<String, String> byQapiName = new HashMap<>();
  /** Each type definition's Java simple name (a duplicate QAPI name gets its own). */
  private final Map<Definition, String> byDefinition = new IdentityHashMap<>();
  /** The records made for union inline bases, by union name. */
  private final Map<String, String> unionBases = new HashMap<>();

  /** Claims a name for every type of the schema, then for every union's inline base. */
  JavaNames(Schema schema) {
    Map<String, Definition> byName = schema.byName();
    for (Definition d : schema.definitions()) {
      if (!d.implicit() && !(d instanceof CommandDef) && !(d instanceof EventDef)) {
        String java = claim(typeName(d.name()));
        byDefinition.put(d, java);
        byQapiName.putIfAbsent(d.name(), java);
      }
    }
    for (Definition d : schema.definitions()) {
      if (d instanceof UnionDef u && byName.get(u.base()) instanceof StructDef b && b.implicit()) {
        String name = claim(byDefinition.get(u) + "Base");
        unionBases.put(u.name(), name);
        byQapiName.put(b.name(), name);
        byDefinition.put(b, name);
      }
    }
  }

  /** {@code name}, or {@code name} with a number, whichever is free first; it is then taken. */
  String claim(String name) {
    String n = name;
    for (int i = 2; used.contains(n); i++) {
      n = name + i;
    }
    used.add(n);
    return n;
  }

  boolean used(String name) {
    return used.contains(name);
  }

  /** The simple name of a type definition (or of a union's inline base). */
  String of(Definition d) {
    return byDefinition.get(d);
  }

  /** The simple name of the type QAPI names {@code qapi}, if the schema defines it. */
  Optional<String> ofType(String qapi) {
    return Optional.ofNullable(byQapiName.get(qapi));
  }

  /** The record holding union {@code union}'s inline base, if it has one. */
  Optional<String> unionBase(String union) {
    return Optional.ofNullable(unionBases.get(union));
  }

  /** A Java type name for a QAPI type name: itself when it is an identifier. */
  static String typeName(String qapi) {
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
  static String camel(String wire, boolean upperFirst) {
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

  /** A command's method name. */
  static String command(String wire) {
    return camel(wire, false);
  }

  /** An event's method name. */
  static String event(String wire) {
    return camel(wire.toLowerCase(Locale.ROOT), false);
  }

  /** A Java constant name for an enum value. */
  static String constant(String wire) {
    String n = wire.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    return n.isEmpty() || Character.isDigit(n.charAt(0)) ? "_" + n : n;
  }

  /** The stem of a module's interfaces: {@code block-core.json} is {@code BlockCore}. */
  static String moduleStem(String fname) {
    String base = fname.replaceAll("^.*/", "").replaceAll("\\.json$", "");
    return typeName(camel(base, true));
  }

  /**
   * The Java names of members, as components or parameters: camel case, with a number added where
   * a name is taken (by {@code reserved}, or by an earlier member).
   */
  static List<String> members(List<Member> members, Set<String> reserved) {
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

  /**
   * A nested record name for a branch that shadows no type the file refers to (nor another branch
   * of {@code nested}, to which it is added).
   */
  String branch(String branch, Set<String> nested) {
    String n = camel(branch, true);
    String candidate = n;
    for (int i = 2; used.contains(candidate) || nested.contains(candidate); i++) {
      candidate = n + "Branch" + (i == 2 ? "" : i);
    }
    nested.add(candidate);
    return candidate;
  }
}
