package org.qapi4j.runtime.client;

import java.time.Instant;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The top level of a received message, read on the I/O thread without building its values: what
 * kind it is, its {@code id} if it is one of ours, and where its members' values are, so that the
 * {@code return} or {@code data} can be read later, on the caller's thread.
 */
final class Envelope {
  int returnStart = -1;
  int returnEnd = -1;
  int errorStart = -1;
  int errorEnd = -1;
  int dataStart = -1;
  int dataEnd = -1;
  int greetingStart = -1;
  int greetingEnd = -1;
  boolean hasId;
  /** The id when it is an integer that fits a long (the client's ids are). */
  Long id;
  String event;
  Instant timestamp;

  boolean reply() {
    return returnStart >= 0 || errorStart >= 0;
  }

  /**
   * Reads the top level of {@code m}. Throws {@link IllegalArgumentException} if it is not an
   * object or not valid JSON.
   */
  static Envelope scan(byte[] m) {
    Envelope e = new Envelope();
    try (JsonParser p = Json.parser(m, 0, m.length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        int start = (int) p.currentTokenLocation().getByteOffset();
        switch (name) {
          case "id" -> {
            e.hasId = true;
            if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                || v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.LONG) {
              e.id = p.getLongValue();
            } else {
              p.skipChildren();
            }
          }
          case "event" -> {
            if (v != JsonToken.VALUE_STRING) {
              throw new IllegalArgumentException("'event' is not a string");
            }
            e.event = p.getString();
          }
          case "timestamp" -> e.timestamp = timestamp(p, v);
          default -> {
            int end = end(p, v, start);
            switch (name) {
              case "return" -> {
                e.returnStart = start;
                e.returnEnd = end;
              }
              case "error" -> {
                e.errorStart = start;
                e.errorEnd = end;
              }
              case "data" -> {
                e.dataStart = start;
                e.dataEnd = end;
              }
              case "QMP" -> {
                e.greetingStart = start;
                e.greetingEnd = end;
              }
              default -> {}
            }
          }
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IllegalArgumentException("not one JSON object");
      }
    } catch (tools.jackson.core.JacksonException ex) {
      throw new IllegalArgumentException(ex.getOriginalMessage(), ex);
    }
    return e;
  }

  /** Skips the value the parser is on; the offset after it. */
  private static int end(JsonParser p, JsonToken v, int start) {
    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
      p.skipChildren();
      return (int) p.currentTokenLocation().getByteOffset() + 1;
    }
    if (v == JsonToken.VALUE_STRING) {
      p.getString(); // finishes the token
      return (int) p.currentLocation().getByteOffset();
    }
    return start + p.getString().length();
  }

  /** {@code {"seconds": S, "microseconds": U}}; null if it is not that. */
  private static Instant timestamp(JsonParser p, JsonToken v) {
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    long seconds = Long.MIN_VALUE;
    long micros = Long.MIN_VALUE;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      boolean integer = t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
      if (name.equals("seconds") && integer) {
        seconds = p.getLongValue();
      } else if (name.equals("microseconds") && integer) {
        micros = p.getLongValue();
      } else {
        p.skipChildren();
      }
    }
    if (seconds == Long.MIN_VALUE || micros == Long.MIN_VALUE) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(seconds, Math.multiplyExact(micros, 1000L));
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return null;
    }
  }
}
