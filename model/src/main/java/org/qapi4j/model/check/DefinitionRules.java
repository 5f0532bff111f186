package org.qapi4j.model.check;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qapi4j.model.Builtin;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.Member;
import org.qapi4j.model.Names;
import org.qapi4j.model.Origin;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;

/**
 * Definitions and references: duplicate names, names that clash once mangled, unknown types, array
 * shapes, members and enum values that collide.
 */
final class DefinitionRules implements Check {
  @Override
  public void check(Schema schema, Reporter r) {
    Map<Definition, Definition> owners = Owners.of(schema);
    Map<String, Definition> byName = schema.byName();
    checkDuplicates(schema, r);
    for (Definition d : schema.definitions()) {
      Definition in = owners.get(d);
      if (d instanceof StructDef s) {
        checkMembers(s, in, NameRules.excepted(schema, s, in), byName, r);
      } else if (d instanceof EnumDef e) {
        checkValues(e, in, NameRules.excepted(schema, e), r);
      } else if (d instanceof CommandDef c) {
        checkData(c.data(), c.boxed(), c.dataParameters(), "command", c, byName, r);
        c.returns().ifPresent(t -> checkRef(t, "command's 'returns'", "'returns'", "command", in,
            c.origin().attribute("returns"), byName, r));
      } else if (d instanceof org.qapi4j.model.EventDef e) {
        checkData(e.data(), e.boxed(), e.dataParameters(), "event", e, byName, r);
      }
    }
  }

  private static void checkDuplicates(Schema schema, Reporter r) {
    Map<String, Definition> seen = new HashMap<>();
    Map<String, Definition> seenMangled = new HashMap<>();
    for (Definition d : schema.definitions()) {
      if (d.implicit()) {
        continue; // shared by duplicate commands or events, which are reported themselves
      }
      if (!NameRules.validDefinitionName(schema, d)) {
        continue;
      }
      if (d.name().equals(Types.QTYPE)) {
        r.error(Rule.DEFN_DUPLICATE_BUILTIN, d, d.origin().attribute("name"),
            "enum type '" + d.name() + "' is already defined");
        continue;
      }
      if (Builtin.byName(d.name()).isPresent()) {
        r.error(Rule.DEFN_DUPLICATE_BUILTIN, d, d.origin().attribute("name"),
            "built-in type '" + d.name() + "' is already defined");
        continue;
      }
      Definition previous = seen.putIfAbsent(d.name(), d);
      if (previous != null) {
        r.error(Rule.DEFN_DUPLICATE, d, d.origin().attribute("name"),
            "'" + d.name() + "' is already defined",
            new Diagnostic.Note(previous.origin().attribute("name"),
                Reporter.context(previous) + " previous definition"));
        continue;
      }
      // Beyond QEMU 7.2, which lets these through although their C names coincide.
      Definition twin = seenMangled.putIfAbsent(Names.cName(d.name()), d);
      if (twin != null) {
        r.error(Rule.DEFN_CLASH, d, d.origin().attribute("name"),
            "'" + d.name() + "' clashes with " + twin.meta() + " '" + twin.name()
                + "': the names differ only in '-', '_' or '.'",
            new Diagnostic.Note(twin.origin().attribute("name"),
                Reporter.context(twin) + " the other definition"));
      }
    }
  }

  /**
   * A command's or event's arguments given by type name: an object type; a union only boxed. In
   * Java, the parameters that declare a struct's members one by one must be those members.
   */
  private static void checkData(
      Optional<String> data, boolean boxed, Optional<List<Member>> parameters, String meta, Definition d,
      Map<String, Definition> byName, Reporter r) {
    if (data.isEmpty() || byName.get(data.get()) instanceof StructDef s && s.implicit()) {
      return;
    }
    String what = meta + "'s 'data'";
    TypeRef ref = TypeRef.named(data.get());
    if (!Types.isType(byName, data.get())) {
      r.error(Rule.TYPE_UNKNOWN, d, d.origin().attribute("data"), what + " uses unknown type '" + data.get() + "'");
      return;
    }
    Definition type = byName.get(data.get());
    if (!(type instanceof StructDef) && !(type instanceof org.qapi4j.model.UnionDef)) {
      r.error(Rule.DATA_KIND, d, d.origin().attribute("data"), what + " cannot take " + Types.describe(byName, ref));
    } else if (type instanceof org.qapi4j.model.UnionDef && !boxed) {
      r.error(Rule.DATA_KIND, d, d.origin().attribute("data"),
          what + " can take " + Types.describe(byName, ref) + " only with 'boxed': true");
    } else if (type instanceof StructDef s && !boxed && parameters.isPresent()) {
      checkParameters(parameters.get(), s, d, byName, r);
    }
  }

  /**
   * The parameters of a Java method whose arguments are struct {@code s}'s members declared one by
   * one ({@code @Command(data = S.class)}): each is a member, in the members' order (the bases'
   * first), of the member's type and optionality, and none is missing. The members' conditions and
   * features are {@code s}'s, so the parameters have none of their own.
   */
  private static void checkParameters(
      List<Member> parameters, StructDef s, Definition d, Map<String, Definition> byName, Reporter r) {
    List<Member> members = s.withBases(byName).orElse(null);
    if (members == null) {
      return; // its base is no struct, or contains itself: reported by BaseRules
    }
    String struct = Types.describe(byName, TypeRef.named(s.name()));
    String order = members.isEmpty() ? "(none)"
        : String.join(", ", members.stream().map(Member::name).toList());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < members.size(); i++) {
      index.putIfAbsent(members.get(i).name(), i);
    }
    Set<String> declared = new HashSet<>();
    Member latest = null;
    for (Member p : parameters) {
      String parameter = "parameter '" + p.name() + "'";
      Integer i = index.get(p.name());
      if (i == null) {
        r.error(Rule.DATA_PARAMETERS, d, p.origin(),
            parameter + " is not a member of " + struct + ", whose members are, in order: " + order);
        continue;
      }
      if (!declared.add(p.name())) {
        r.error(Rule.DATA_PARAMETERS, d, p.origin(),
            parameter + " declares member '" + p.name() + "' of " + struct + " a second time");
        continue;
      }
      Member m = members.get(i);
      String member = "member '" + m.name() + "' of " + struct;
      if (latest != null && i < index.get(latest.name())) {
        r.error(Rule.DATA_PARAMETERS, d, p.origin(),
            parameter + " comes after '" + latest.name() + "', but member '" + m.name() + "' comes before '"
                + latest.name() + "' in " + struct + ", whose members are, in order: " + order);
      } else {
        latest = p;
      }
      if (!p.type().equals(m.type())) {
        r.error(Rule.DATA_PARAMETERS, d, p.origin(),
            parameter + " has type " + typeText(p.type()) + ", but " + member + " has type " + typeText(m.type()));
      }
      if (p.optional() && !m.optional()) {
        r.error(Rule.DATA_PARAMETERS, d, p.origin(), parameter + " is optional, but " + member + " is not");
      } else if (!p.optional() && m.optional()) {
        r.error(Rule.DATA_PARAMETERS, d, p.origin(),
            parameter + " is not optional, but " + member + " is: mark it @Optional");
      }
      if (!p.condition().equals(Condition.ALWAYS)) {
        r.error(Rule.DATA_PARAMETERS, d, p.origin(),
            parameter + " has a condition (@If): a member's condition is given once, on " + member);
      }
      if (!p.features().isEmpty()) {
        r.error(Rule.DATA_PARAMETERS, d, p.origin(),
            parameter + " has features (@Feature, @Deprecated): a member's features are given once, on " + member);
      }
    }
    for (Member m : members) {
      if (!declared.contains(m.name())) {
        r.error(Rule.DATA_PARAMETERS, d, d.origin().attribute("data"),
            "member '" + m.name() + "' of " + struct + " has no parameter; the parameters declare its"
                + " members, in order: " + order);
      }
    }
  }

  /** A type as QEMU writes it in a schema: {@code 'int'}, {@code ['int']}. */
  private static String typeText(TypeRef type) {
    return type instanceof TypeRef.Array a ? "['" + a.element().qapiName() + "']" : "'" + type.qapiName() + "'";
  }

  private static void checkMembers(
      StructDef s, Definition in, boolean excepted, Map<String, Definition> byName, Reporter r) {
    Map<String, Member> seen = new LinkedHashMap<>();
    for (Member m : s.members()) {
      String what = s.implicit() ? "parameter '" + m.name() + "'" : "member '" + m.name() + "'";
      checkRef(m.type(), what, "'data' member '" + m.describedName() + "'", s.implicit() ? in.meta() : "struct", in,
          m.origin(), byName, r);
      if (!NameRules.validMemberName(m.name(), excepted)) {
        continue;
      }
      Member twin = seen.putIfAbsent(Names.cName(m.name()), m);
      if (twin != null) {
        r.error(Rule.CLASH_MEMBER, in, m.origin(),
            "member '" + m.name() + "' collides with member '" + twin.name() + "'");
      }
    }
  }

  private static void checkValues(EnumDef e, Definition in, boolean excepted, Reporter r) {
    Map<String, EnumValue> seen = new HashMap<>();
    for (EnumValue v : e.values()) {
      if (!NameRules.validMemberName(v.name(), excepted)) {
        continue;
      }
      EnumValue twin = seen.putIfAbsent(Names.cName(v.name()), v);
      if (twin != null) {
        r.error(Rule.ENUM_VALUE_CLASH, in, v.origin(),
            "value '" + v.name() + "' collides with value '" + twin.name() + "'");
      }
    }
  }

  /**
   * A reference must name a type; an array holds exactly one level. {@code what} is QEMU's
   * description of the referring place ({@code schema.py}), {@code source} its description of the
   * key ({@code expr.py}: {@code 'data' member '*x'}); {@code meta} names the definition for array
   * elements.
   */
  private static void checkRef(
      TypeRef ref, String what, String source, String meta, Definition in, Origin at, Map<String, Definition> byName,
      Reporter r) {
    if (ref instanceof TypeRef.Array a) {
      if (a.element() instanceof TypeRef.Array) {
        r.error(Rule.ARRAY_SHAPE, in, at, source + ": array type must contain single type name");
        return;
      }
      if (!Types.isType(byName, a.element().qapiName())) {
        r.error(Rule.TYPE_UNKNOWN, in, at, meta + " uses unknown type '" + a.element().qapiName() + "'");
      }
      return;
    }
    if (!Types.isType(byName, ref.qapiName())) {
      r.error(Rule.TYPE_UNKNOWN, in, at, what + " uses unknown type '" + ref.qapiName() + "'");
    }
  }
}
