package org.qapi4j.model.introspect;

import java.util.ArrayList;
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
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Feature;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.Variant;

/**
 * The {@code query-qmp-schema} reply of a schema, built as QEMU's {@code introspect.py} builds it:
 * the commands and events in definition order, then every type they use in order of first use;
 * type names masked as numbers in that order ({@code "0"} is usually the empty object); every
 * integer type shown as {@code int}; array types as {@code [T]}.
 *
 * <p>The entries keep their conditions; {@link #render(Schema, boolean, Set, KeyOrder)} evaluates them
 * against the symbols a configuration defines. Numbering does not depend on them.
 */
public final class SchemaInfo {
  /** The name QEMU gives the object type without members, the arguments of a command without any. */
  public static final String EMPTY_OBJECT = "q_empty";

  private final Schema schema;
  private final Map<String, Definition> byName;
  private final boolean unmask;
  private final List<Conditional> entries = new ArrayList<>();
  private final List<TypeRef> usedTypes = new ArrayList<>();
  private final java.util.Set<TypeRef> used = new java.util.HashSet<>();
  private final Map<String, String> masked = new LinkedHashMap<>();

  private SchemaInfo(Schema schema, boolean unmask) {
    this.schema = schema;
    this.byName = schema.byName();
    this.unmask = unmask;
  }

  /** The entries of the reply, each a {@link Conditional} holding a JSON object (a map). */
  public static List<Conditional> of(Schema schema, boolean unmask) {
    return new SchemaInfo(schema, unmask).build();
  }

  /**
   * The reply as JSON text, with the conditions evaluated; with QEMU's QDict order as
   * {@code order} ({@code QDictOrder::of} of the runtime), as QEMU prints it.
   */
  public static String render(Schema schema, boolean unmask, Set<String> defined, KeyOrder order) {
    return QemuJson.write(QemuJson.evaluate(of(schema, unmask), defined), order);
  }

  private List<Conditional> build() {
    for (Definition d : schema.definitions()) {
      if (d instanceof CommandDef c) {
        command(c);
      } else if (d instanceof EventDef e) {
        event(e);
      }
    }
    for (int i = 0; i < usedTypes.size(); i++) { // grows while it is walked
      type(usedTypes.get(i));
    }
    return entries;
  }

  private void command(CommandDef c) {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("arg-type", use(TypeRef.named(c.data().orElse(EMPTY_OBJECT))));
    obj.put("ret-type", use(c.returns().orElse(TypeRef.named(EMPTY_OBJECT))));
    if (c.allowOob()) {
      obj.put("allow-oob", true);
    }
    tree(c.name(), "command", obj, c.condition(), c.features());
  }

  private void event(EventDef e) {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("arg-type", use(TypeRef.named(e.data().orElse(EMPTY_OBJECT))));
    tree(e.name(), "event", obj, e.condition(), e.features());
  }

  private void type(TypeRef type) {
    if (type instanceof TypeRef.Array a) {
      String element = use(a.element());
      Map<String, Object> obj = new LinkedHashMap<>();
      obj.put("element-type", element);
      // An array type exists where its element type does.
      Definition elementDef = byName.get(a.element().qapiName());
      Condition condition = elementDef == null ? Condition.ALWAYS : elementDef.condition();
      tree("[" + element + "]", "array", obj, condition, List.of());
      return;
    }
    String name = type.qapiName();
    Optional<Builtin> builtin = Builtin.byName(name);
    if (builtin.isPresent()) {
      Map<String, Object> obj = new LinkedHashMap<>();
      obj.put("json-type", builtin.get().jsonType());
      tree(name, "builtin", obj, Condition.ALWAYS, List.of());
      return;
    }
    if (name.equals(EMPTY_OBJECT)) {
      Map<String, Object> obj = new LinkedHashMap<>();
      obj.put("members", List.of());
      tree(name, "object", obj, Condition.ALWAYS, List.of());
      return;
    }
    Definition d = byName.get(name);
    if (d instanceof StructDef s) {
      Map<String, Object> obj = new LinkedHashMap<>();
      List<Object> members = new ArrayList<>();
      for (Member m : flatMembers(s)) {
        members.add(member(m));
      }
      obj.put("members", members);
      tree(name, "object", obj, s.condition(), s.features());
    } else if (d instanceof EnumDef e) {
      Map<String, Object> obj = new LinkedHashMap<>();
      List<Object> members = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      for (EnumValue v : e.values()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        if (!v.features().isEmpty()) {
          m.put("features", features(v.features()));
        }
        members.add(new Conditional(m, v.condition()));
        values.add(new Conditional(v.name(), v.condition()));
      }
      obj.put("members", members);
      obj.put("values", values);
      tree(name, "enum", obj, e.condition(), e.features());
    } else if (d instanceof UnionDef u) {
      Map<String, Object> obj = new LinkedHashMap<>();
      List<Object> members = new ArrayList<>();
      StructDef base = (StructDef) byName.get(u.base());
      for (Member m : flatMembers(base)) {
        members.add(member(m));
      }
      obj.put("members", members);
      obj.put("tag", u.discriminator());
      List<Object> variants = new ArrayList<>();
      for (Variant v : u.variants()) {
        variants.add(variant(v.name(), v.type(), v.condition()));
      }
      // Values without a branch have the empty object type, after the explicit branches (QEMU).
      Member tag = flatMembers(base).stream().filter(m -> m.name().equals(u.discriminator())).findFirst().orElseThrow();
      for (EnumValue value : ((EnumDef) byName.get(tag.type().qapiName())).values()) {
        if (u.variants().stream().noneMatch(v -> v.name().equals(value.name()))) {
          variants.add(variant(value.name(), TypeRef.named(EMPTY_OBJECT), value.condition()));
        }
      }
      obj.put("variants", variants);
      tree(name, "object", obj, u.condition(), u.features());
    } else if (d instanceof AlternateDef a) {
      Map<String, Object> obj = new LinkedHashMap<>();
      List<Object> members = new ArrayList<>();
      for (Variant v : a.variants()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", use(v.type()));
        members.add(new Conditional(m, v.condition()));
      }
      obj.put("members", members);
      tree(name, "alternate", obj, a.condition(), a.features());
    } else {
      throw new IllegalStateException("cannot introspect " + name);
    }
  }

  private Conditional variant(String name, TypeRef type, Condition condition) {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("case", name);
    obj.put("type", use(type));
    return new Conditional(obj, condition);
  }

  /** A struct's members with its bases' first, as on the wire. */
  private List<Member> flatMembers(StructDef s) {
    List<Member> all = new ArrayList<>();
    if (s.base().isPresent() && byName.get(s.base().get()) instanceof StructDef base) {
      all.addAll(flatMembers(base));
    }
    all.addAll(s.members());
    return all;
  }

  private Conditional member(Member m) {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("name", m.name());
    obj.put("type", use(m.type()));
    if (m.optional()) {
      obj.put("default", null);
    }
    if (!m.features().isEmpty()) {
      obj.put("features", features(m.features()));
    }
    return new Conditional(obj, m.condition());
  }

  private static List<Object> features(List<Feature> features) {
    List<Object> out = new ArrayList<>();
    for (Feature f : features) {
      out.add(new Conditional(f.name(), f.condition()));
    }
    return out;
  }

  private void tree(String name, String metaType, Map<String, Object> obj, Condition condition, List<Feature> features) {
    if (!metaType.equals("command") && !metaType.equals("event")
        && !metaType.equals("builtin") && !metaType.equals("array")) {
      name = mask(name);
    }
    obj.put("name", name);
    obj.put("meta-type", metaType);
    if (!features.isEmpty()) {
      obj.put("features", features(features));
    }
    entries.add(new Conditional(obj, condition));
  }

  /**
   * Registers a type as used and returns how the reply names it: built-ins by name, arrays as
   * {@code [element]}, others masked. Every integer type is {@code int}.
   */
  private String use(TypeRef type) {
    TypeRef t = normalise(type);
    if (used.add(t)) {
      usedTypes.add(t);
    }
    if (t instanceof TypeRef.Array a) {
      return "[" + use(a.element()) + "]";
    }
    if (Builtin.byName(t.qapiName()).isPresent()) {
      return t.qapiName();
    }
    return mask(t.qapiName());
  }

  private static TypeRef normalise(TypeRef type) {
    if (type instanceof TypeRef.Array a) {
      return TypeRef.arrayOf(normalise(a.element()));
    }
    return Builtin.byName(type.qapiName()).filter(Builtin::isInteger).isPresent()
        ? TypeRef.named("int")
        : type;
  }

  private String mask(String name) {
    if (unmask) {
      return name;
    }
    return masked.computeIfAbsent(name, n -> Integer.toString(masked.size()));
  }
}
