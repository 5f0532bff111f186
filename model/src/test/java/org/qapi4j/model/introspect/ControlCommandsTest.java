package org.qapi4j.model.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.CommandDef.Flag;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.Origin;
import org.qapi4j.model.Pragmas;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.runtime.json.JsonValue;
import org.qapi4j.runtime.json.JsonValue.JsonArray;
import org.qapi4j.runtime.json.JsonValue.JsonObject;
import org.qapi4j.runtime.json.JsonValue.JsonString;
import org.qapi4j.runtime.json.QDictOrder;
import org.qapi4j.runtime.probe.IntrospectedSchema;
import org.qapi4j.testsupport.Peers;

/**
 * QMP's own commands in the introspection of a schema that does not declare them, compared with
 * what the real QEMU 7.2 answers for them, type for type.
 */
class ControlCommandsTest {
  private static Schema schema(Definition... definitions) {
    return new Schema("t", List.of(definitions), Pragmas.NONE, Origin.NONE, Optional.empty());
  }

  private static CommandDef command(String name, Optional<TypeRef> returns) {
    return new CommandDef(name, Optional.empty(), returns, EnumSet.of(Flag.SUCCESS_RESPONSE, Flag.GEN), List.of(),
        Condition.ALWAYS, Origin.NONE, "m", Optional.empty());
  }

  private static IntrospectedSchema introspect(Schema schema) {
    return IntrospectedSchema.parse(SchemaInfo.render(ControlCommands.addTo(schema), false, Set.of(), QDictOrder::of));
  }

  @Test
  void aSchemaWithoutThemListsThemFirst() {
    IntrospectedSchema reply = introspect(schema(command("stop", Optional.empty())));
    assertEquals(List.of("qmp_capabilities", "query-commands", "query-qmp-schema", "stop"), reply.commands());
    // As in QEMU: the flags the runtime honours (allow-preconfig) are not introspected.
    assertEquals("{\"name\": \"qmp_capabilities\", \"ret-type\": \"1\", \"meta-type\": \"command\", \"arg-type\": \"0\"}",
        text(reply, "qmp_capabilities"));
  }

  @Test
  void aSchemaThatDeclaresThemAllIsLeftAsItIs() {
    Schema declared = schema(
        new StructDef("q_obj_qmp_capabilities-arg", Optional.empty(), List.of(), List.of(), Condition.ALWAYS,
            Origin.NONE, true, Optional.empty()),
        command("qmp_capabilities", Optional.empty()),
        command("query-commands", Optional.empty()),
        command("query-qmp-schema", Optional.empty()));
    assertSame(declared, ControlCommands.addTo(declared));
  }

  @Test
  void aDeclaredOneIsKeptAndTheOthersAdded() {
    IntrospectedSchema reply = introspect(schema(command("query-commands", Optional.of(TypeRef.named("str")))));
    assertEquals(List.of("qmp_capabilities", "query-qmp-schema", "query-commands"), reply.commands());
    assertEquals("str", ((JsonString) reply.entry("query-commands").members().get("ret-type")).value());
  }

  /** Each command, its arguments and its result expanded through every type, as QEMU 7.2 has them. */
  @Test
  void theSameTypesAsQemu() {
    IntrospectedSchema qemu = IntrospectedSchema.parse(Peers.queryQmpSchema());
    IntrospectedSchema ours = introspect(schema());
    for (String name : ControlCommands.NAMES) {
      assertEquals(expand(qemu, name), expand(ours, name), name);
    }
  }

  private static String text(IntrospectedSchema reply, String name) {
    return render(reply.entry(name));
  }

  /** An entry with every type name replaced by the type's own entry, recursively (names masked alike). */
  private static String expand(IntrospectedSchema reply, String name) {
    return expandValue(reply, reply.entry(name), true);
  }

  private static String expandValue(IntrospectedSchema reply, JsonValue value, boolean top) {
    if (value instanceof JsonObject o) {
      List<String> members = new ArrayList<>();
      for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
        String key = m.getKey();
        if (key.equals("name") && !top && !(o.members().get("meta-type") instanceof JsonString s
            && (s.value().equals("builtin") || s.value().equals("command")))) {
          continue; // a type's masked number differs between schemas
        }
        boolean typeRef = key.equals("type") || key.equals("arg-type") || key.equals("ret-type")
            || key.equals("element-type");
        members.add(key + ": " + (typeRef
            ? expandValue(reply, reply.entry(((JsonString) m.getValue()).value()), false)
            : expandValue(reply, m.getValue(), false)));
      }
      return members.stream().sorted().collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof JsonArray a) {
      return a.elements().stream().map(e -> expandValue(reply, e, false)).collect(Collectors.joining(", ", "[", "]"));
    }
    return render(value);
  }

  private static String render(JsonValue value) {
    if (value instanceof JsonObject o) {
      return o.members().entrySet().stream()
          .map(e -> "\"" + e.getKey() + "\": " + render(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof JsonArray a) {
      return a.elements().stream().map(ControlCommandsTest::render).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof JsonString s) {
      return "\"" + s.value() + "\"";
    }
    if (value instanceof JsonValue.JsonNumber n) {
      return n.text();
    }
    if (value instanceof JsonValue.JsonBoolean b) {
      return String.valueOf(b.value());
    }
    return "null";
  }
}
