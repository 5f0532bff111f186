package org.qapi4j.model.check;

import java.util.Map;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.Feature;
import org.qapi4j.model.Member;
import org.qapi4j.model.Names;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;

/** QEMU's naming rules ({@code expr.py check_name_*}) and reserved member names. */
final class NameRules implements Check {
  @Override
  public void check(Schema schema, Reporter r) {
    Map<Definition, Definition> owners = Owners.of(schema);
    for (Definition d : schema.definitions()) {
      Definition in = owners.get(d);
      if (!d.implicit()) {
        checkDefinitionName(schema, d, r);
      }
      boolean excepted = excepted(schema, d, in);
      if (d instanceof StructDef s) {
        for (Member m : s.members()) {
          if (checkLower(m.name(), "'data'", m.describedName(), excepted, excepted, in, m.origin(), r)) {
            String c = Names.cName(m.name());
            if (c.equals("u") || c.startsWith("has_")) {
              r.error(Rule.MEMBER_RESERVED, in, m.origin(),
                  "'data' member '" + m.describedName() + "' uses reserved name");
            }
          }
          checkFeatures(m.features(), in, r);
        }
      } else if (d instanceof EnumDef e) {
        for (EnumValue v : e.values()) {
          // Enum values alone may start with a digit.
          String name = !v.name().isEmpty() && Character.isDigit(v.name().charAt(0)) ? "d" + v.name() : v.name();
          checkLower(name, "'data'", v.name(), excepted, excepted, in, v.origin(), r);
          checkFeatures(v.features(), in, r);
        }
      }
      if (d instanceof org.qapi4j.model.AlternateDef a) {
        for (org.qapi4j.model.Variant v : a.variants()) {
          checkLower(v.name(), "'data'", v.name(), false, false, in, v.origin(), r);
        }
      }
      checkFeatures(d.features(), in, r);
    }
  }

  private static void checkFeatures(java.util.List<Feature> features, Definition in, Reporter r) {
    for (Feature f : features) {
      checkLower(f.name(), "'features'", f.name(), false, false, in, f.origin(), r);
    }
  }

  private static void checkDefinitionName(Schema schema, Definition d, Reporter r) {
    String name = d.name();
    String meta = d.meta();
    String stem = Names.stem(name);
    if (stem == null) {
      r.error(Rule.NAME_INVALID, d, d.origin().attribute("name"), meta + " has an invalid name");
      return;
    }
    switch (meta) {
      case "event" -> {
        if (has(stem, 'a', 'z') || stem.indexOf('-') >= 0) {
          r.error(Rule.NAME_EVENT, d, d.origin().attribute("name"),
              "name of event must not use lowercase or '-'");
        }
      }
      case "command" -> {
        boolean permitUnderscore = schema.pragmas().commandNameExceptions().contains(name);
        if (has(stem, 'A', 'Z') || (!permitUnderscore && stem.indexOf('_') >= 0)) {
          r.error(Rule.NAME_COMMAND, d, d.origin().attribute("name"),
              "name of command must not use uppercase or '_'");
        }
      }
      default -> {
        if (!Names.isCamel(stem)) {
          r.error(Rule.NAME_TYPE_CAMEL, d, d.origin().attribute("name"),
              "name of " + meta + " must use CamelCase");
        } else if (name.endsWith("List")) {
          r.error(Rule.NAME_TYPE_LIST, d, d.origin().attribute("name"),
              meta + " name should not end in 'List'");
        }
      }
    }
  }

  /**
   * QEMU's {@code check_name_lower}; true if the name passed. Errors name it as {@code KIND member
   * 'DESCRIBED'}, a text built only for an error: every member of a schema passes here.
   */
  private static boolean checkLower(
      String name,
      String kind,
      String described,
      boolean permitUpper,
      boolean permitUnderscore,
      Definition in,
      org.qapi4j.model.Origin at,
      Reporter r) {
    String stem = Names.stem(name);
    if (stem == null) {
      r.error(Rule.NAME_INVALID, in, at, kind + " member '" + described + "' has an invalid name");
      return false;
    }
    if ((!permitUpper && has(stem, 'A', 'Z')) || (!permitUnderscore && stem.indexOf('_') >= 0)) {
      r.error(Rule.NAME_MEMBER, in, at,
          "name of " + kind + " member '" + described + "' must not use uppercase or '_'");
      return false;
    }
    return true;
  }

  /** True if {@code s} has a character from {@code from} to {@code to}. */
  private static boolean has(String s, char from, char to) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= from && c <= to) {
        return true;
      }
    }
    return false;
  }

  /** True if the definition's own name passes the naming rules (used to avoid cascades). */
  static boolean validDefinitionName(Schema schema, Definition d) {
    Reporter scratch = new Reporter(schema);
    checkDefinitionName(schema, d, scratch);
    return scratch.isEmpty();
  }

  /** True if a member or value name passes the naming rules (used to avoid cascades). */
  static boolean validMemberName(String name) {
    String n = !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "d" + name : name;
    return Names.stem(n) != null;
  }

  /**
   * True if a member, value or branch name passes every naming rule, uppercase and {@code '_'}
   * included unless {@code excepted} (used to avoid cascades: a name already reported takes no
   * part in the clash checks).
   */
  static boolean validMemberName(String name, boolean excepted) {
    String n = !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "d" + name : name;
    String stem = Names.stem(n);
    return stem != null
        && (excepted || (!has(stem, 'A', 'Z') && stem.indexOf('_') < 0));
  }

  /** True if the schema's {@code member-name-exceptions} lists the definition. */
  static boolean excepted(Schema schema, Definition d) {
    return !d.implicit() && schema.pragmas().memberNameExceptions().contains(d.name());
  }

  /**
   * The same for a definition in its owner ({@link Owners}): an implicit type is excepted with the
   * union whose inline base it is, as QEMU checks a union's inline base under the union's name; a
   * command's or event's inline arguments never are.
   */
  static boolean excepted(Schema schema, Definition d, Definition owner) {
    if (d.implicit()) {
      return owner instanceof org.qapi4j.model.UnionDef u && schema.pragmas().memberNameExceptions().contains(u.name());
    }
    return excepted(schema, d);
  }
}
