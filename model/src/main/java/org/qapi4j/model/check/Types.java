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

  /** True if the name is a built-in or a type (not a command or event) of the schema. */
  static boolean isType(Map<String, Definition> byName, String name) {
    if (Builtin.byName(name).isPresent()) {
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
    Definition d = byName.get(name);
    return (d == null ? "type" : d.meta() + " type") + " '" + name + "'";
  }
}
