package org.qapi4j.runtime;

import org.qapi4j.runtime.json.JsonValue;

/**
 * QAPI's predefined enum {@code QType}: the JSON type of a value, as QEMU names the kinds of its
 * {@code QObject}s. On the wire its values are the constants in lower case ({@code "qdict"}).
 *
 * <pre>{@code
 * record ProbeResult(QType type) {}      // {'struct': 'ProbeResult', 'data': {'type': 'QType'}}
 * }</pre>
 */
public enum QType {
  /** No value (QEMU's {@code QTYPE_NONE}, never the type of a value on the wire). */
  NONE,
  /** JSON {@code null}. */
  QNULL,
  /** A JSON number. */
  QNUM,
  /** A JSON string. */
  QSTRING,
  /** A JSON object. */
  QDICT,
  /** A JSON array. */
  QLIST,
  /** {@code true} or {@code false}. */
  QBOOL;

  /** The type of a JSON value (a value of QAPI type {@code any}, say). */
  public static QType of(JsonValue value) {
    if (value instanceof JsonValue.JsonNull) {
      return QNULL;
    }
    if (value instanceof JsonValue.JsonNumber) {
      return QNUM;
    }
    if (value instanceof JsonValue.JsonString) {
      return QSTRING;
    }
    if (value instanceof JsonValue.JsonObject) {
      return QDICT;
    }
    if (value instanceof JsonValue.JsonArray) {
      return QLIST;
    }
    return QBOOL;
  }
}
