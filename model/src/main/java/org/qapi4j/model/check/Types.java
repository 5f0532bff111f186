package org.qapi4j.model.check;

import java.util.Map;
import org.qapi4j.model.Builtin;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.TypeRef;

/** Resolving type references and describing types QEMU's way. */
final class Types {
  private Types() {}

  /** The enum type QEMU predefines (the JSON types of {@code QObject}s). */
  static final String QTYPE = "QType";

  /** True if the name is a built-in or a type (not a command or event) of the schema. */
  static boolean isType(Map<String, Definition> byName, String name) {
    if (Builtin.byName(name).isPresent() || name.equals(QTYPE)) {
      return true;
    }
    Definition d = byName.get(name);
    return d != null && !(d instanceof CommandDef) && !(d instanceof EventDef);
  }

  /** QEMU's {@code describe()}: {@code built-in type 'int'}, {@code struct type 'S'}, {@code array type ['int']}. */
  static String describe(Map<String, Definition> byName, TypeRef ref) {
    if (ref instanceof TypeRef.Array a) {
      return "array type ['" + a.element().qapiName() + "']";
    }
    String name = ref.qapiName();
    if (Builtin.byName(name).isPresent()) {
      return "built-in type '" + name + "'";
    }
    if (name.equals(QTYPE) && !byName.containsKey(name)) {
      return "enum type '" + name + "'";
    }
    Definition d = byName.get(name);
    return (d == null ? "type" : d.meta() + " type") + " '" + name + "'";
  }

  /**
   * QEMU's {@code QAPISchemaMember.describe()}: {@code member 'x'} when defined in the definition
   * being checked, {@code member 'x' of type 'T'} when inherited, {@code parameter 'x'} for a
   * command's or event's inline arguments, {@code base member 'x'} for a union's inline base.
   */
  static String describeMember(String member, Definition definedIn, Definition checking) {
    String in = definedIn.name();
    if (definedIn.implicit() && in.endsWith("-arg")) {
      return "parameter '" + member + "'";
    }
    if (definedIn.implicit() && in.endsWith("-base")) {
      return "base member '" + member + "'";
    }
    if (definedIn != checking) {
      return "member '" + member + "' of type '" + in + "'";
    }
    return "member '" + member + "'";
  }
}
