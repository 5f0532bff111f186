package org.qapi4j.runtime.json;

import java.util.List;
import java.util.Map;

/**
 * A JSON value of a QMP message, as QEMU's parser builds it, with the byte range it came from
 * (so that a member can be handed to a Jackson parser without copying).
 */
public sealed interface JsonValue {
  int start();

  int end();

  /** An object; members in the order they came. */
  record JsonObject(Map<String, JsonValue> members, int start, int end) implements JsonValue {}

  record JsonArray(List<JsonValue> elements, int start, int end) implements JsonValue {}

  record JsonString(String value, int start, int end) implements JsonValue {}

  /** A number as written; {@code integer} when it has neither fraction nor exponent. */
  record JsonNumber(String text, boolean integer, int start, int end) implements JsonValue {}

  record JsonBoolean(boolean value, int start, int end) implements JsonValue {}

  record JsonNull(int start, int end) implements JsonValue {}
}
