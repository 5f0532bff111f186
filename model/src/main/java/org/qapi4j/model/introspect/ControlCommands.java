package org.qapi4j.model.introspect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.Feature;
import org.qapi4j.model.Member;
import org.qapi4j.model.Origin;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.Variant;

/**
 * QMP's own commands, which every QMP server has, whatever its schema: {@code qmp_capabilities},
 * {@code query-commands} and {@code query-qmp-schema}, with the types they take and return as QEMU
 * 7.2 defines them ({@code QMPCapability}, {@code CommandInfo}, {@code SchemaInfo} and its branches).
 *
 * <p>The runtime's server answers them itself; this class puts them into a schema's introspection,
 * so that its {@code query-qmp-schema} lists them as QEMU's does, without the schema declaring them
 * ({@code @Command(gen = false)}). A schema that declares one keeps its own declaration; a type the
 * schema defines under one of these names is the schema's (QEMU's schema, which defines them all,
 * is left as it is).
 */
public final class ControlCommands {
  /** The three commands' names. */
  public static final List<String> NAMES = List.of("qmp_capabilities", "query-commands", "query-qmp-schema");

  private ControlCommands() {}

  /**
   * {@code schema} with the control commands it does not define, and the types they use that it
   * does not define, before its own definitions; {@code schema} itself when it defines all three.
   */
  public static Schema addTo(Schema schema) {
    Map<String, Definition> defined = schema.byName();
    if (NAMES.stream().allMatch(defined::containsKey)) {
      return schema;
    }
    List<Definition> added = new ArrayList<>();
    for (Definition d : definitions()) {
      if (!defined.containsKey(d.name())) {
        added.add(d);
      }
    }
    added.addAll(schema.definitions());
    return new Schema(schema.name(), added, schema.pragmas(), schema.origin(), schema.javaRoot());
  }

  /** The definitions, in the order of QEMU's control.json and introspect.json. */
  static List<Definition> definitions() {
    List<Definition> all = new ArrayList<>();
    // control.json
    all.add(enumOf("QMPCapability", "oob"));
    String capabilitiesArg = StructDef.implicitArgumentsName("qmp_capabilities");
    all.add(struct(capabilitiesArg, true, optional("enable", array("QMPCapability"))));
    all.add(command("qmp_capabilities", Optional.of(capabilitiesArg), Optional.empty(),
        EnumSet.of(CommandDef.Flag.ALLOW_PRECONFIG)));
    all.add(struct("CommandInfo", false, member("name", named("str"))));
    all.add(command("query-commands", Optional.empty(), Optional.of(array("CommandInfo")),
        EnumSet.of(CommandDef.Flag.ALLOW_PRECONFIG)));
    // introspect.json
    all.add(command("query-qmp-schema", Optional.empty(), Optional.of(array("SchemaInfo")),
        EnumSet.of(CommandDef.Flag.ALLOW_PRECONFIG)));
    all.add(enumOf("SchemaMetaType", "builtin", "enum", "array", "object", "alternate", "command", "event"));
    String base = "q_obj_SchemaInfo-base";
    all.add(struct(base, true,
        member("name", named("str")), member("meta-type", named("SchemaMetaType")),
        optional("features", array("str"))));
    List<Variant> branches = new ArrayList<>();
    for (String[] b : new String[][] {
        {"builtin", "SchemaInfoBuiltin"}, {"enum", "SchemaInfoEnum"}, {"array", "SchemaInfoArray"},
        {"object", "SchemaInfoObject"}, {"alternate", "SchemaInfoAlternate"},
        {"command", "SchemaInfoCommand"}, {"event", "SchemaInfoEvent"}}) {
      branches.add(new Variant(b[0], named(b[1]), Condition.ALWAYS, Origin.NONE, null, null));
    }
    all.add(new UnionDef("SchemaInfo", base, "meta-type", branches, List.of(), Condition.ALWAYS, Origin.NONE,
        Optional.empty(), Optional.empty(), null));
    all.add(struct("SchemaInfoBuiltin", false, member("json-type", named("JSONType"))));
    all.add(enumOf("JSONType", "string", "number", "int", "boolean", "null", "object", "array", "value"));
    all.add(struct("SchemaInfoEnum", false,
        member("members", array("SchemaInfoEnumMember")),
        new Member("values", array("str"), false, List.of(new Feature("deprecated", Condition.ALWAYS, Origin.NONE)),
            Condition.ALWAYS, Origin.NONE, "values", null)));
    all.add(struct("SchemaInfoEnumMember", false, member("name", named("str")), optional("features", array("str"))));
    all.add(struct("SchemaInfoArray", false, member("element-type", named("str"))));
    all.add(struct("SchemaInfoObject", false,
        member("members", array("SchemaInfoObjectMember")), optional("tag", named("str")),
        optional("variants", array("SchemaInfoObjectVariant"))));
    all.add(struct("SchemaInfoObjectMember", false,
        member("name", named("str")), member("type", named("str")), optional("default", named("any")),
        optional("features", array("str"))));
    all.add(struct("SchemaInfoObjectVariant", false, member("case", named("str")), member("type", named("str"))));
    all.add(struct("SchemaInfoAlternate", false, member("members", array("SchemaInfoAlternateMember"))));
    all.add(struct("SchemaInfoAlternateMember", false, member("type", named("str"))));
    all.add(struct("SchemaInfoCommand", false,
        member("arg-type", named("str")), member("ret-type", named("str")), optional("allow-oob", named("bool"))));
    all.add(struct("SchemaInfoEvent", false, member("arg-type", named("str"))));
    return all;
  }

  private static TypeRef named(String name) {
    return TypeRef.named(name);
  }

  private static TypeRef array(String element) {
    return TypeRef.arrayOf(TypeRef.named(element));
  }

  // Only introspection reads these definitions: no Java names or types.
  private static Member member(String name, TypeRef type) {
    return new Member(name, type, false, List.of(), Condition.ALWAYS, Origin.NONE, name, null);
  }

  private static Member optional(String name, TypeRef type) {
    return new Member(name, type, true, List.of(), Condition.ALWAYS, Origin.NONE, name, null);
  }

  private static StructDef struct(String name, boolean implicit, Member... members) {
    return new StructDef(name, Optional.empty(), List.of(members), List.of(), Condition.ALWAYS, Origin.NONE,
        implicit, Optional.empty());
  }

  private static EnumDef enumOf(String name, String... values) {
    List<EnumValue> list = new ArrayList<>();
    for (String v : values) {
      list.add(new EnumValue(v, List.of(), Condition.ALWAYS, Origin.NONE, v));
    }
    return new EnumDef(name, list, Optional.empty(), List.of(), Condition.ALWAYS, Origin.NONE, Optional.empty());
  }

  private static CommandDef command(String name, Optional<String> data, Optional<TypeRef> returns,
      Set<CommandDef.Flag> flags) {
    Set<CommandDef.Flag> all = EnumSet.copyOf(flags);
    all.add(CommandDef.Flag.SUCCESS_RESPONSE);
    return new CommandDef(name, data, returns, all, List.of(), Condition.ALWAYS, Origin.NONE, null, Optional.empty());
  }
}
