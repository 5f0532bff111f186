package org.qapi4j.qapijson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Feature;
import org.qapi4j.model.Member;
import org.qapi4j.model.Pragmas;
import org.qapi4j.model.Predefined;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.Variant;

/**
 * Builds the schema model from checked, normalised expressions ({@code schema.py}'s
 * {@code _def_exprs}): one definition per expression, in order, each preceded by the implicit
 * object types it introduces ({@code q_obj_NAME-arg}, {@code q_obj_NAME-base}).
 */
final class SchemaBuilder {
  /**
   * QEMU's event rate limits ({@code monitor/monitor.c}): at most one per second, per value of a
   * data member where one is named. QEMU keeps them in a table; here they become part of the
   * imported events.
   */
  static final Map<String, EventDef.Throttle> QEMU_THROTTLE =
      Map.of(
          "RTC_CHANGE", new EventDef.Throttle(1000, Optional.empty()),
          "WATCHDOG", new EventDef.Throttle(1000, Optional.empty()),
          "BALLOON_CHANGE", new EventDef.Throttle(1000, Optional.empty()),
          "QUORUM_REPORT_BAD", new EventDef.Throttle(1000, Optional.of("node-name")),
          "QUORUM_FAILURE", new EventDef.Throttle(1000, Optional.empty()),
          "VSERPORT_CHANGE", new EventDef.Throttle(1000, Optional.of("id")),
          "MEMORY_DEVICE_SIZE_CHANGE", new EventDef.Throttle(1000, Optional.of("qom-path")));

  private final List<Definition> definitions = new ArrayList<>();
  private boolean refersToQType;

  /**
   * The schema of the expressions, with definitions grouped by file in the order the files were
   * first included ({@code files}), as QEMU's modules order them, and in source order within a file.
   */
  static Schema build(String name, List<Expression> expressions, Pragmas pragmas, List<String> files) {
    SchemaBuilder b = new SchemaBuilder();
    for (Expression e : expressions) {
      b.define(e);
    }
    Map<String, Integer> module = new java.util.HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      module.putIfAbsent(files.get(i), i);
    }
    List<Definition> ordered = new ArrayList<>(b.definitions);
    if (b.refersToQType && ordered.stream().noneMatch(d -> d.name().equals(Predefined.QTYPE))) {
      ordered.add(0, Predefined.qtype()); // QEMU predefines it; added where something uses it
    }
    ordered.sort(java.util.Comparator.comparingInt(
        d -> d.origin() instanceof SourceInfo i ? module.getOrDefault(i.fname(), 0) : -1));
    return new Schema(name, ordered, pragmas, org.qapi4j.model.Origin.NONE, Optional.empty());
  }

  private void define(Expression e) {
    Map<String, Object> x = e.body();
    SourceInfo info = e.info();
    Condition cond = condition(x.get("if"));
    List<Feature> features = features(x.get("features"), info);
    if (x.containsKey("enum")) {
      List<EnumValue> values = new ArrayList<>();
      for (Object o : (List<?>) x.get("data")) {
        Map<?, ?> v = (Map<?, ?>) o;
        values.add(new EnumValue((String) v.get("name"), features(v.get("features"), info),
            condition(v.get("if")), info, null));
      }
      definitions.add(new EnumDef((String) x.get("enum"), values, Optional.ofNullable((String) x.get("prefix")),
          features, cond, info, Optional.empty()));
    } else if (x.containsKey("struct")) {
      definitions.add(new StructDef((String) x.get("struct"), absentIfEmpty(x.get("base")),
          members(x.get("data"), info), features, cond, info, false, Optional.empty()));
    } else if (x.containsKey("union")) {
      String name = (String) x.get("union");
      String base;
      if (x.get("base") instanceof Map<?, ?> inline) {
        base = "q_obj_" + name + "-base";
        definitions.add(new StructDef(base, Optional.empty(), members(inline, info), List.of(), cond, info, true,
            Optional.empty()));
      } else {
        base = (String) x.get("base");
      }
      definitions.add(new UnionDef(name, base, (String) x.get("discriminator"), variants(x.get("data"), info),
          features, cond, info, Optional.empty(), Optional.empty(), ""));
    } else if (x.containsKey("alternate")) {
      definitions.add(new AlternateDef((String) x.get("alternate"), variants(x.get("data"), info), features, cond,
          info, Optional.empty()));
    } else if (x.containsKey("command")) {
      String name = (String) x.get("command");
      Optional<String> data = data(name, x.get("data"), cond, info);
      Object rets = x.get("returns");
      Optional<TypeRef> returns = ExprChecker.truthy(rets) ? Optional.of(ref(rets)) : Optional.empty();
      definitions.add(new CommandDef(name, data, returns, commandFlags(x), features, cond, info, null,
          Optional.empty()));
    } else if (x.containsKey("event")) {
      String name = (String) x.get("event");
      Optional<String> data = data(name, x.get("data"), cond, info);
      definitions.add(new EventDef(name, data, flag(x, "boxed", false), features, cond, info, null, null,
          Optional.ofNullable(QEMU_THROTTLE.get(name))));
    }
  }

  /** A command's or event's arguments: a type name, or inline members made an implicit type. */
  private Optional<String> data(String owner, Object data, Condition cond, SourceInfo info) {
    if (data instanceof String type) {
      return absentIfEmpty(type);
    }
    if (data instanceof Map<?, ?> inline && !inline.isEmpty()) {
      String name = StructDef.implicitArgumentsName(owner);
      definitions.add(new StructDef(name, Optional.empty(), members(inline, info), List.of(), cond, info, true,
          Optional.empty()));
      return Optional.of(name);
    }
    return Optional.empty();
  }

  /**
   * A type name of {@code 'base'} or {@code 'data'}: QEMU tests the name for truth, so an empty one
   * means none.
   */
  private static Optional<String> absentIfEmpty(Object name) {
    return ExprChecker.truthy(name) ? Optional.of((String) name) : Optional.empty();
  }

  /** A command's flags: each QAPI flag it sets, else the flag's default. */
  private static Set<CommandDef.Flag> commandFlags(Map<String, Object> x) {
    Set<CommandDef.Flag> flags = CommandDef.Flag.defaults();
    for (CommandDef.Flag flag : CommandDef.Flag.qapi()) {
      if (x.get(flag.qapiName()) instanceof Boolean b) {
        if (b) {
          flags.add(flag);
        } else {
          flags.remove(flag);
        }
      }
    }
    return flags;
  }

  private static boolean flag(Map<String, Object> x, String key, boolean otherwise) {
    return x.get(key) instanceof Boolean b ? b : otherwise;
  }

  private List<Member> members(Object data, SourceInfo info) {
    List<Member> members = new ArrayList<>();
    if (data instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = (String) e.getKey();
        Map<?, ?> arg = (Map<?, ?>) e.getValue();
        boolean optional = key.startsWith("*");
        String name = optional ? key.substring(1) : key;
        members.add(new Member(name, ref(arg.get("type")), optional, features(arg.get("features"), info),
            condition(arg.get("if")), info, null, null));
      }
    }
    return members;
  }

  private List<Variant> variants(Object data, SourceInfo info) {
    List<Variant> variants = new ArrayList<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) data).entrySet()) {
      Map<?, ?> v = (Map<?, ?>) e.getValue();
      variants.add(new Variant((String) e.getKey(), ref(v.get("type")), condition(v.get("if")), info, null, null));
    }
    return variants;
  }

  /** A type reference; notes a use of the predefined {@code QType}. */
  private TypeRef ref(Object type) {
    TypeRef t = typeRef(type);
    String element = t instanceof TypeRef.Array a ? a.element().qapiName() : t.qapiName();
    refersToQType |= element.equals(Predefined.QTYPE);
    return t;
  }

  static TypeRef typeRef(Object type) {
    if (type instanceof List<?> list) {
      return TypeRef.arrayOf(TypeRef.named((String) list.get(0)));
    }
    return TypeRef.named((String) type);
  }

  private static List<Feature> features(Object features, SourceInfo info) {
    List<Feature> out = new ArrayList<>();
    if (features instanceof List<?> list) {
      for (Object o : list) {
        Map<?, ?> f = (Map<?, ?>) o;
        out.add(new Feature((String) f.get("name"), condition(f.get("if")), info));
      }
    }
    return out;
  }

  /** A checked {@code 'if'} value as a condition. */
  static Condition condition(Object cond) {
    if (cond == null) {
      return Condition.ALWAYS;
    }
    if (cond instanceof String symbol) {
      return new Condition.Symbol(symbol);
    }
    Map<?, ?> map = (Map<?, ?>) cond;
    if (map.containsKey("not")) {
      return new Condition.Not(condition(map.get("not")));
    }
    boolean all = map.containsKey("all");
    List<Condition> operands = ((List<?>) map.get(all ? "all" : "any")).stream().map(SchemaBuilder::condition).toList();
    return all ? new Condition.All(operands) : new Condition.Any(operands);
  }
}
