package org.qapi4j.model.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.CommandDef.Flag;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.JavaType;
import org.qapi4j.model.Member;
import org.qapi4j.model.Origin;
import org.qapi4j.model.Pragmas;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.runtime.json.QDictOrder;

/**
 * Introspection of a small schema, compared with the entries of Debian's QEMU 7.2 for the same
 * definitions (its query-qmp-schema reply), text for text.
 */
class SchemaInfoTest {
  private static final JavaType ANY_JAVA = JavaType.primitive("long");

  private static Member member(String name, String type, boolean optional) {
    return new Member(name, TypeRef.named(type), optional, List.of(), Condition.ALWAYS, Origin.NONE, "m", ANY_JAVA);
  }

  private static Schema schema() {
    List<Definition> defs = List.of(
        new CommandDef("query-status", Optional.empty(), Optional.of(TypeRef.named("StatusInfo")),
            EnumSet.of(Flag.SUCCESS_RESPONSE, Flag.ALLOW_PRECONFIG, Flag.GEN), List.of(), Condition.ALWAYS,
            Origin.NONE, "queryStatus", Optional.empty()),
        new StructDef("q_obj_SHUTDOWN-arg", Optional.empty(),
            List.of(member("guest", "bool", false), member("reason", "ShutdownCause", false)),
            List.of(), Condition.ALWAYS, Origin.NONE, true, Optional.empty()),
        new EventDef("SHUTDOWN", Optional.of("q_obj_SHUTDOWN-arg"), false, List.of(), Condition.ALWAYS,
            Origin.NONE, ANY_JAVA, "shutdown"),
        new EventDef("STOP", Optional.empty(), false, List.of(), Condition.ALWAYS, Origin.NONE, ANY_JAVA, "stop"),
        new StructDef("StatusInfo", Optional.empty(),
            List.of(member("running", "bool", false), member("singlestep", "bool", false),
                member("status", "RunState", false)),
            List.of(), Condition.ALWAYS, Origin.NONE, false, Optional.empty()),
        enumOf("RunState", "debug", "running"),
        enumOf("ShutdownCause", "none", "host-error"),
        new StructDef("NameInfo", Optional.empty(), List.of(member("name", "str", true)),
            List.of(), Condition.ALWAYS, Origin.NONE, false, Optional.empty()),
        new CommandDef("query-name", Optional.empty(), Optional.of(TypeRef.named("NameInfo")),
            EnumSet.of(Flag.SUCCESS_RESPONSE, Flag.ALLOW_PRECONFIG, Flag.GEN), List.of(), Condition.ALWAYS,
            Origin.NONE, "queryName", Optional.empty()),
        new CommandDef("oob", Optional.empty(), Optional.of(TypeRef.arrayOf(TypeRef.named("int8"))),
            EnumSet.of(Flag.ALLOW_OOB, Flag.SUCCESS_RESPONSE, Flag.ALLOW_PRECONFIG, Flag.GEN), List.of(),
            new Condition.Symbol("CONFIG_OOB"), Origin.NONE, "oob", Optional.empty()));
    return new Schema("t", defs, Pragmas.NONE, Origin.NONE, Optional.empty());
  }

  private static Definition enumOf(String name, String... values) {
    return new EnumDef(name,
        java.util.Arrays.stream(values).map(v -> new EnumValue(v, List.of(), Condition.ALWAYS, Origin.NONE, v)).toList(),
        Optional.empty(), List.of(), Condition.ALWAYS, Origin.NONE, Optional.empty());
  }

  @Test
  void entriesAreQemus() {
    String json = SchemaInfo.render(schema(), false, Set.of(), QDictOrder::of);
    assertEquals(
        "["
            // The same text as QEMU's entries for query-status, SHUTDOWN and STOP.
            + "{\"name\": \"query-status\", \"ret-type\": \"1\", \"meta-type\": \"command\", \"arg-type\": \"0\"}, "
            + "{\"name\": \"SHUTDOWN\", \"meta-type\": \"event\", \"arg-type\": \"2\"}, "
            + "{\"name\": \"STOP\", \"meta-type\": \"event\", \"arg-type\": \"0\"}, "
            + "{\"name\": \"query-name\", \"ret-type\": \"3\", \"meta-type\": \"command\", \"arg-type\": \"0\"}, "
            + "{\"name\": \"0\", \"members\": [], \"meta-type\": \"object\"}, "
            + "{\"name\": \"1\", \"members\": [{\"name\": \"running\", \"type\": \"bool\"}, "
            + "{\"name\": \"singlestep\", \"type\": \"bool\"}, {\"name\": \"status\", \"type\": \"4\"}], "
            + "\"meta-type\": \"object\"}, "
            + "{\"name\": \"2\", \"members\": [{\"name\": \"guest\", \"type\": \"bool\"}, "
            + "{\"name\": \"reason\", \"type\": \"5\"}], \"meta-type\": \"object\"}, "
            + "{\"name\": \"3\", \"members\": [{\"name\": \"name\", \"default\": null, \"type\": \"str\"}], "
            + "\"meta-type\": \"object\"}, "
            // An array is registered before its element, as QEMU's _use_type() does.
            + "{\"name\": \"[int]\", \"element-type\": \"int\", \"meta-type\": \"array\"}, "
            + "{\"name\": \"int\", \"json-type\": \"int\", \"meta-type\": \"builtin\"}, "
            + "{\"name\": \"bool\", \"json-type\": \"boolean\", \"meta-type\": \"builtin\"}, "
            + "{\"name\": \"4\", \"members\": [{\"name\": \"debug\"}, {\"name\": \"running\"}], "
            + "\"meta-type\": \"enum\", \"values\": [\"debug\", \"running\"]}, "
            + "{\"name\": \"5\", \"members\": [{\"name\": \"none\"}, {\"name\": \"host-error\"}], "
            + "\"meta-type\": \"enum\", \"values\": [\"none\", \"host-error\"]}, "
            + "{\"name\": \"str\", \"json-type\": \"string\", \"meta-type\": \"builtin\"}"
            + "]",
        json);
  }

  @Test
  void conditionsDropEntriesButNotNumbers() {
    // The member order of an allow-oob command is that of QEMU's migrate-pause entry.
    String oob = "{\"name\": \"oob\", \"ret-type\": \"[int]\", \"allow-oob\": true, \"meta-type\": \"command\", \"arg-type\": \"0\"}, ";
    String defined = SchemaInfo.render(schema(), false, Set.of("CONFIG_OOB"), QDictOrder::of);
    String undefined = SchemaInfo.render(schema(), false, Set.of(), QDictOrder::of);
    assertEquals(true, defined.contains(oob), defined);
    assertEquals(undefined, defined.replace(oob, ""));
  }

  @Test
  void unmaskShowsNames() {
    String json = SchemaInfo.render(schema(), true, Set.of(), QDictOrder::of);
    assertEquals(true, json.startsWith(
        "[{\"name\": \"query-status\", \"ret-type\": \"StatusInfo\", \"meta-type\": \"command\", \"arg-type\": \"q_empty\"}"));
  }
}
