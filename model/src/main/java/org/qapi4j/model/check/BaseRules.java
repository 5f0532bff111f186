package org.qapi4j.model.check;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.qapi4j.model.Definition;
import org.qapi4j.model.Member;
import org.qapi4j.model.Names;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;

/** Struct bases ({@code schema.py QAPISchemaObjectType.check}): a struct, no cycle, no clash. */
final class BaseRules implements Check {
  @Override
  public void check(Schema schema, Reporter r) {
    Map<String, Definition> byName = schema.byName();
    for (StructDef s : schema.all(StructDef.class)) {
      if (s.base().isEmpty()) {
        continue;
      }
      String baseName = s.base().get();
      Definition base = byName.get(baseName);
      if (!(base instanceof StructDef)) {
        if (Types.isType(byName, baseName)) {
          r.error(Rule.BASE_NOT_STRUCT, s, s.origin().attribute("base"),
              "'base' requires a struct type, " + Types.describe(byName, TypeRef.named(baseName)) + " isn't");
        } else {
          r.error(Rule.TYPE_UNKNOWN, s, s.origin().attribute("base"), "'base' uses unknown type '" + baseName + "'");
        }
        continue;
      }
      if (cycle(s, byName)) {
        r.error(Rule.OBJECT_CONTAINS_ITSELF, s, s.origin().attribute("base"), "object " + s.name() + " contains itself");
        continue;
      }
      // Each own member against every inherited one, at any depth.
      Map<String, String> inherited = new HashMap<>(); // c_name -> "member 'x' of type 'B'"
      for (StructDef b = (StructDef) base; b != null; b = next(b, byName)) {
        for (Member m : b.members()) {
          inherited.putIfAbsent(Names.cName(m.name()), "member '" + m.name() + "' of type '" + b.name() + "'");
        }
      }
      for (Member m : s.members()) {
        String twin = inherited.get(Names.cName(m.name()));
        if (twin != null && NameRules.validMemberName(m.name())) {
          r.error(Rule.CLASH_BASE, s, m.origin(), "member '" + m.name() + "' collides with " + twin);
        }
      }
    }
  }

  private static StructDef next(StructDef s, Map<String, Definition> byName) {
    return s.base().map(byName::get).filter(StructDef.class::isInstance).map(StructDef.class::cast).orElse(null);
  }

  private static boolean cycle(StructDef s, Map<String, Definition> byName) {
    Set<String> seen = new LinkedHashSet<>();
    for (StructDef b = s; b != null; b = next(b, byName)) {
      if (!seen.add(b.name())) {
        return true;
      }
    }
    return false;
  }
}
