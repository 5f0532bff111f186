package org.qapi4j.samplevm.schema;

import java.util.List;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Union;
import org.qapi4j.runtime.json.JsonValue;

/**
 * From QEMU's {@code qapi/introspect.json}: {@code query-qmp-schema}, served by the QMP server from
 * the introspection the processor computed at build time.
 */
public interface IntrospectCommands {
  /** Returns the schema: every command and event, and the types they use. */
  @Command(allowPreconfig = true, gen = false)
  default List<SchemaInfo> queryQmpSchema() {
    throw new UnsupportedOperationException("served by the QMP server");
  }

  enum SchemaMetaType {
    BUILTIN,
    ENUM,
    ARRAY,
    OBJECT,
    ALTERNATE,
    COMMAND,
    EVENT
  }

  /** QEMU's inline base of SchemaInfo. */
  record SchemaInfoBase(String name, SchemaMetaType metaType, @Optional List<String> features) {}

  /** One entity of the schema. */
  @Union(discriminator = "meta-type")
  sealed interface SchemaInfo {
    @Name("builtin")
    record BuiltinInfo(SchemaInfoBase base, SchemaInfoBuiltin data) implements SchemaInfo {}

    @Name("enum")
    record EnumInfo(SchemaInfoBase base, SchemaInfoEnum data) implements SchemaInfo {}

    @Name("array")
    record ArrayInfo(SchemaInfoBase base, SchemaInfoArray data) implements SchemaInfo {}

    @Name("object")
    record ObjectInfo(SchemaInfoBase base, SchemaInfoObject data) implements SchemaInfo {}

    @Name("alternate")
    record AlternateInfo(SchemaInfoBase base, SchemaInfoAlternate data) implements SchemaInfo {}

    @Name("command")
    record CommandInfo(SchemaInfoBase base, SchemaInfoCommand data) implements SchemaInfo {}

    @Name("event")
    record EventInfo(SchemaInfoBase base, SchemaInfoEvent data) implements SchemaInfo {}
  }

  record SchemaInfoBuiltin(JSONType jsonType) {}

  enum JSONType {
    STRING,
    NUMBER,
    INT,
    BOOLEAN,
    NULL,
    OBJECT,
    ARRAY,
    VALUE
  }

  record SchemaInfoEnum(List<SchemaInfoEnumMember> members, @Feature("deprecated") List<String> values) {}

  record SchemaInfoEnumMember(String name, @Optional List<String> features) {}

  record SchemaInfoArray(String elementType) {}

  record SchemaInfoObject(
      List<SchemaInfoObjectMember> members,
      @Optional String tag,
      @Optional List<SchemaInfoObjectVariant> variants) {}

  record SchemaInfoObjectMember(
      String name, String type, @Name("default") @Optional JsonValue defaultValue, @Optional List<String> features) {}

  record SchemaInfoObjectVariant(@Name("case") String caseValue, String type) {}

  record SchemaInfoAlternate(List<SchemaInfoAlternateMember> members) {}

  record SchemaInfoAlternateMember(String type) {}

  record SchemaInfoCommand(String argType, String retType, @Optional Boolean allowOob) {}

  record SchemaInfoEvent(String argType) {}
}
