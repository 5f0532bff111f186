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
    Set<String> reported = new java.util.HashSet<>();
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
      if (inCycle(s, byName)) {
        if (!reportedCycle(s, byName, reported)) {
          r.error(Rule.OBJECT_CONTAINS_ITSELF, s, s.origin().attribute("base"),
              "object " + s.name() + " contains itself");
        }
        reported.add(s.name());
        continue;
      }
      if (leadsToCycle(s, byName)) {
        continue; // reported at the cycle
      }
      // Each own member against every inherited one, at any depth.
      Map<String, String> inherited = new HashMap<>(); // c_name -> "member 'x' of type 'B'"
      for (StructDef b = (StructDef) base; b != null; b = next(b, byName)) {
        for (Member m : b.members()) {
          inherited.putIfAbsent(Names.cName(m.name()), Types.describeMember(m.name(), b, s));
        }
      }
      for (Member m : s.members()) {
        String twin = inherited.get(Names.cName(m.name()));
        if (twin != null && NameRules.validMemberName(m.name(), NameRules.excepted(schema, s))) {
          r.error(Rule.CLASH_BASE, s, m.origin(), Types.describeMember(m.name(), s, s) + " collides with " + twin);
        }
      }
    }
  }

  private static StructDef next(StructDef s, Map<String, Definition> byName) {
    return s.base().map(byName::get).filter(StructDef.class::isInstance).map(StructDef.class::cast).orElse(null);
  }

  /** True if following bases from {@code s} comes back to {@code s}. */
  private static boolean inCycle(StructDef s, Map<String, Definition> byName) {
    Set<String> seen = new LinkedHashSet<>();
    for (StructDef b = next(s, byName); b != null && seen.add(b.name()); b = next(b, byName)) {
      if (b == s) {
        return true;
      }
    }
    return false;
  }

  /** True if following bases from {@code s} ends in a cycle {@code s} is not part of. */
  private static boolean leadsToCycle(StructDef s, Map<String, Definition> byName) {
    Set<String> seen = new LinkedHashSet<>();
    for (StructDef b = s; b != null; b = next(b, byName)) {
      if (!seen.add(b.name())) {
        return true;
      }
    }
    return false;
  }

  /** True if a struct of the same cycle was reported already: one cycle, one error, as QEMU. */
  private static boolean reportedCycle(StructDef s, Map<String, Definition> byName, Set<String> reported) {
    for (StructDef b = next(s, byName); b != null && b != s; b = next(b, byName)) {
      if (reported.contains(b.name())) {
        return true;
      }
    }
    return false;
  }
}
