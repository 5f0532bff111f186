package org.qapi4j.model;

import java.util.Optional;

/**
 * QAPI's built-in types, in QEMU's order, with the JSON type introspection shows for each and the
 * C type QEMU names in range errors.
 */
public enum Builtin {
  STR("str", "string", "char *"),
  NUMBER("number", "number", "double"),
  INT("int", "int", "int64_t"),
  INT8("int8", "int", "int8_t"),
  INT16("int16", "int", "int16_t"),
  INT32("int32", "int", "int32_t"),
  INT64("int64", "int", "int64_t"),
  UINT8("uint8", "int", "uint8_t"),
  UINT16("uint16", "int", "uint16_t"),
  UINT32("uint32", "int", "uint32_t"),
  UINT64("uint64", "int", "uint64_t"),
  SIZE("size", "int", "uint64_t"),
  BOOL("bool", "boolean", "bool"),
  NULL("null", "null", "QNull *"),
  ANY("any", "value", "QObject *");

  private final String qapiName;
  private final String jsonType;
  private final String cType;

  Builtin(String qapiName, String jsonType, String cType) {
    this.qapiName = qapiName;
    this.jsonType = jsonType;
    this.cType = cType;
  }

  public String qapiName() {
    return qapiName;
  }

  /** The {@code json-type} of {@code SchemaInfoBuiltin}. */
  public String jsonType() {
    return jsonType;
  }

  public String cType() {
    return cType;
  }

  public boolean isInteger() {
    return jsonType.equals("int");
  }

  private static final java.util.Map<String, Builtin> BY_NAME = new java.util.HashMap<>();

  static {
    for (Builtin b : values()) {
      BY_NAME.put(b.qapiName, b);
    }
  }

  public static Optional<Builtin> byName(String qapiName) {
    return Optional.ofNullable(BY_NAME.get(qapiName));
  }
}
