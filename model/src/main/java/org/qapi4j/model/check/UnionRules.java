package org.qapi4j.model.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qapi4j.model.Builtin;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.Member;
import org.qapi4j.model.Names;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.Variant;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Origin;

/** Unions ({@code schema.py QAPISchemaVariants.check}) and alternates ({@code QAPISchemaAlternateType.check}). */
final class UnionRules implements Check {
  @Override
  public void check(Schema schema, Reporter r) {
    Map<String, Definition> byName = schema.byName();
    for (Definition d : schema.definitions()) {
      if (d instanceof UnionDef u) {
        union(schema, u, byName, r);
      } else if (d instanceof org.qapi4j.model.AlternateDef a) {
        alternate(a, byName, r);
      }
    }
  }

  /** A struct's members, its bases' first. */
  static List<Member> flat(StructDef s, Map<String, Definition> byName) {
    List<Member> out = new ArrayList<>();
    if (s.base().isPresent() && byName.get(s.base().get()) instanceof StructDef b && b != s) {
      out.addAll(flat(b, byName));
    }
    out.addAll(s.members());
    return out;
  }

  private static void union(Schema schema, UnionDef u, Map<String, Definition> byName, Reporter r) {
    Definition baseDef = byName.get(u.base());
    if (!(baseDef instanceof StructDef base)) {
      r.error(Rule.BASE_NOT_STRUCT, u, u.origin().attribute("base"),
          "'base' requires a struct type, " + Types.describe(byName, TypeRef.named(u.base())) + " isn't");
      return;
    }
    Map<String, StructDef> definedIn = new HashMap<>();
    List<Member> baseMembers = flat(base, byName, definedIn);
    Member tag = baseMembers.stream().filter(m -> m.name().equals(u.discriminator())).findFirst().orElse(null);
    Origin at = u.origin().attribute("discriminator");
    if (tag == null) {
      r.error(Rule.UNION_DISCRIMINATOR, u, at,
          "discriminator '" + u.discriminator() + "' is not a member of 'base'");
      return;
    }
    StructDef tagIn = definedIn.get(tag.name());
    String of = tagIn.implicit() ? "of 'base'" : "of base type '" + tagIn.name() + "'";
    if (!(byName.get(tag.type().qapiName()) instanceof EnumDef tagEnum) || tag.type() instanceof TypeRef.Array) {
      r.error(Rule.UNION_DISCRIMINATOR, u, tag.origin(),
          "discriminator member '" + tag.name() + "' " + of + " must be of enum type");
      return;
    }
    if (tag.optional()) {
      r.error(Rule.UNION_DISCRIMINATOR, u, tag.origin(),
          "discriminator member '" + tag.name() + "' " + of + " must not be optional");
    }
    if (!tag.condition().equals(Condition.ALWAYS)) {
      r.error(Rule.UNION_DISCRIMINATOR, u, tag.origin(),
          "discriminator member '" + tag.name() + "' " + of + " must not be conditional");
    }
    if (u.variants().isEmpty() && tagEnum.values().isEmpty()) {
      r.error(Rule.UNION_NO_BRANCHES, u, u.origin(), "union has no branches");
    }
    if (u.javaType().isPresent() && u.javaOther().isEmpty()) {
      // The Java form: values without a branch (QEMU's empty branches) are held by a variant record
      // of the base alone; without one, such a value could not be read into Java.
      List<String> unbranched = tagEnum.values().stream()
          .map(EnumValue::name)
          .filter(n -> u.variants().stream().noneMatch(v -> v.name().equals(n)))
          .toList();
      if (!unbranched.isEmpty()) {
        r.error(Rule.JAVA_FORM, null, u.origin(), "union " + u.name() + " has no variant for the values of '"
            + u.discriminator() + "' without a branch (" + String.join(", ", unbranched)
            + "): add a variant record of the base alone, which holds them");
      }
    }
    Map<String, Member> baseNames = new HashMap<>();
    baseMembers.forEach(m -> baseNames.putIfAbsent(Names.cName(m.name()), m));
    Map<String, Variant> branches = new HashMap<>();
    for (Variant v : u.variants()) {
      Variant same = branches.putIfAbsent(v.name(), v);
      if (same != null) {
        // Beyond QEMU, whose JSON cannot say it (a duplicate key): two records, one branch.
        r.error(Rule.UNION_BRANCH, u, v.origin(), "branch '" + v.name() + "' collides with branch '" + same.name() + "'");
        continue;
      }
      // QEMU resolves the branch's type before it looks the branch up in the enum.
      if (unknown(v, byName, u, r)) {
        continue;
      }
      if (tagEnum.values().stream().map(EnumValue::name).noneMatch(v.name()::equals)) {
        r.error(Rule.UNION_BRANCH, u, v.origin(),
            "branch '" + v.name() + "' is not a value of enum type '" + tagEnum.name() + "'");
        continue;
      }
      if (v.type() instanceof TypeRef.Array) {
        r.error(Rule.TYPEREF_NO_ARRAY, u, v.origin(), "'data' member '" + v.name() + "' cannot be an array");
        continue;
      }
      if (!(byName.get(v.type().qapiName()) instanceof StructDef branch)) {
        r.error(Rule.UNION_BRANCH, u, v.origin(),
            "branch '" + v.name() + "' cannot use " + Types.describe(byName, v.type()));
        continue;
      }
      Map<String, StructDef> branchIn = new HashMap<>();
      for (Member m : flat(branch, byName, branchIn)) {
        Member twin = baseNames.get(Names.cName(m.name()));
        if (twin != null && NameRules.validMemberName(m.name(), NameRules.excepted(schema, branchIn.get(m.name())))) {
          r.error(Rule.UNION_BRANCH_CLASH, u, v.origin(),
              Types.describeMember(m.name(), branchIn.get(m.name()), u) + " collides with "
                  + Types.describeMember(twin.name(), definedIn.get(twin.name()), u));
        }
      }
    }
  }

  /** Reports a branch whose type (or array element type) is not a type; true if it did. */
  private static boolean unknown(Variant v, Map<String, Definition> byName, Definition in, Reporter r) {
    TypeRef element = v.type() instanceof TypeRef.Array a ? a.element() : v.type();
    if (element instanceof TypeRef.Array || Types.isType(byName, element.qapiName())) {
      return false;
    }
    // QEMU resolves an array's element type in the name of the definition that has the array.
    String what = v.type() instanceof TypeRef.Array ? in.meta() : "branch '" + v.name() + "'";
    r.error(Rule.TYPE_UNKNOWN, in, v.origin(), what + " uses unknown type '" + element.qapiName() + "'");
    return true;
  }

  /** A struct's members, its bases' first, noting the struct that defines each. */
  static List<Member> flat(StructDef s, Map<String, Definition> byName, Map<String, StructDef> definedIn) {
    List<Member> out = flat(s, byName);
    for (StructDef b = s; b != null; ) {
      for (Member m : b.members()) {
        definedIn.putIfAbsent(m.name(), b);
      }
      StructDef next = b.base().map(byName::get).filter(StructDef.class::isInstance).map(StructDef.class::cast)
          .orElse(null);
      b = next == s ? null : next;
    }
    return out;
  }

  /** The JSON types a branch occupies, QEMU's {@code alternate_qtype()} and its conflicts. */
  private static List<String> qtypes(TypeRef type, Map<String, Definition> byName) {
    if (type instanceof TypeRef.Array) {
      return List.of("array");
    }
    var builtin = Builtin.byName(type.qapiName());
    if (builtin.isPresent()) {
      return switch (builtin.get()) {
        case STR -> List.of("string", "number", "boolean");
        case BOOL -> List.of("boolean");
        case NULL -> List.of("null");
        case ANY -> List.of();
        default -> List.of("number");
      };
    }
    Definition d = byName.get(type.qapiName());
    if (d instanceof EnumDef e) {
      List<String> q = new ArrayList<>(List.of("string"));
      if (e.values().stream().anyMatch(v -> v.name().equals("on") || v.name().equals("off"))) {
        q.add("boolean");
      }
      if (e.values().stream().anyMatch(v -> !v.name().isEmpty() && "-+0123456789.".indexOf(v.name().charAt(0)) >= 0)) {
        q.add("number");
      }
      return q;
    }
    if (d instanceof StructDef || d instanceof UnionDef) {
      return List.of("object");
    }
    return List.of(); // an alternate inside an alternate
  }

  private static void alternate(org.qapi4j.model.AlternateDef a, Map<String, Definition> byName, Reporter r) {
    if (a.variants().isEmpty()) {
      r.error(Rule.ALTERNATE, a, a.origin(), "'data' must not be empty");
      return;
    }
    Map<String, String> seen = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Variant v : a.variants()) {
      if (!NameRules.validMemberName(v.name(), false)) {
        continue; // reported by NameRules; the clash it implies would only repeat it
      }
      String twin = names.putIfAbsent(Names.cName(v.name()), v.name());
      if (twin != null) {
        r.error(Rule.ALTERNATE, a, v.origin(), "branch '" + v.name() + "' collides with branch '" + twin + "'");
        continue;
      }
      if (unknown(v, byName, a, r)) {
        continue;
      }
      List<String> qtypes = qtypes(v.type(), byName);
      if (qtypes.isEmpty()) {
        r.error(Rule.ALTERNATE, a, v.origin(),
            "branch '" + v.name() + "' cannot use " + Types.describe(byName, v.type()));
        continue;
      }
      for (String q : qtypes) {
        String other = seen.get(q);
        if (other != null) {
          r.error(Rule.ALTERNATE, a, v.origin(),
              "branch '" + v.name() + "' can't be distinguished from '" + other + "'");
          break;
        }
      }
      qtypes.forEach(q -> seen.putIfAbsent(q, v.name()));
    }
  }
}
