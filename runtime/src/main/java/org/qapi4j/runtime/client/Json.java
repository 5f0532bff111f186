package org.qapi4j.runtime.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qapi4j.runtime.json.JsonValue;
import org.qapi4j.runtime.json.QmpJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * JSON for the client: reading what a server sends into the project's {@link JsonValue} (with the
 * byte ranges of every value, so that a part can be handed to a Jackson reader), writing Java
 * values as request arguments, and exact accessors for numbers.
 *
 * <p>What a server sends has no size limit here (QEMU's 64 MiB token and 2 Mi token limits are for
 * what QEMU reads, and a guest agent's {@code guest-file-read} reply can exceed them); nesting is
 * limited to {@value #MAX_NESTING} levels, read without recursion. The dialect is QEMU's: single
 * quoted strings and {@code \'} are accepted, a duplicate key is an error.
 */
public final class Json {
  /** The deepest nesting read. */
  public static final int MAX_NESTING = 100_000;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING)
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .maxNameLength(Integer.MAX_VALUE)
                  .maxDocumentLength(-1)
                  .maxTokenCount(-1)
                  .build())
          .build();

  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private Json() {}

  /**
   * A Jackson parser over {@code bytes[start, end)}, before the first token, without the size
   * limits of the server's parser. Locations it reports are relative to {@code start}.
   */
  public static JsonParser parser(byte[] bytes, int start, int end) {
    return FACTORY.createParser(ObjectReadContext.empty(), bytes, start, end - start);
  }

  /** Parses JSON text (QEMU's dialect); offsets are into its UTF-8 bytes. */
  public static JsonValue parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return parse(bytes, 0, bytes.length);
  }

  /**
   * Parses the one value in {@code bytes[start, end)}; the offsets of the result are into
   * {@code bytes}. Throws {@link IllegalArgumentException} if it is not exactly one JSON value.
   */
  public static JsonValue parse(byte[] bytes, int start, int end) {
    try (JsonParser p = parser(bytes, start, end)) {
      if (p.nextToken() == null) {
        throw new IllegalArgumentException("no JSON value");
      }
      JsonValue v = read(p, start);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("more than one JSON value");
      }
      return v;
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads the value the parser is on (its first token) into a {@link JsonValue} and leaves the
   * parser on its last token. {@code base} is added to every offset (the parser's start in the
   * array, to make the offsets absolute).
   */
  public static JsonValue read(JsonParser p, int base) {
    final class Open {
      final boolean object;
      final int start;
      final Map<String, JsonValue> members;
      final List<JsonValue> elements;
      String name;

      Open(boolean object, int start) {
        this.object = object;
        this.start = start;
        this.members = object ? new LinkedHashMap<>() : null;
        this.elements = object ? null : new ArrayList<>();
      }
    }
    Deque<Open> open = new ArrayDeque<>();
    while (true) {
      JsonToken t = p.currentToken();
      if (t == null) {
        throw new IllegalArgumentException("premature end of JSON");
      }
      int s = (int) p.currentTokenLocation().getByteOffset() + base;
      JsonValue v = null;
      switch (t) {
        case START_OBJECT -> open.push(new Open(true, s));
        case START_ARRAY -> open.push(new Open(false, s));
        case END_OBJECT, END_ARRAY -> {
          Open o = open.pop();
          v = o.object ? new JsonValue.JsonObject(o.members, o.start, s + 1)
              : new JsonValue.JsonArray(o.elements, o.start, s + 1);
        }
        case PROPERTY_NAME -> open.peek().name = p.currentName();
        case VALUE_STRING -> {
          String text = p.getString();
          v = new JsonValue.JsonString(text, s, (int) p.currentLocation().getByteOffset() + base);
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          String text = p.getString();
          v = new JsonValue.JsonNumber(text, t == JsonToken.VALUE_NUMBER_INT, s, s + text.length());
        }
        case VALUE_TRUE -> v = new JsonValue.JsonBoolean(true, s, s + 4);
        case VALUE_FALSE -> v = new JsonValue.JsonBoolean(false, s, s + 5);
        case VALUE_NULL -> v = new JsonValue.JsonNull(s, s + 4);
        default -> throw new IllegalArgumentException("unexpected JSON token " + t);
      }
      if (v != null) {
        Open parent = open.peek();
        if (parent == null) {
          return v;
        }
        if (parent.object) {
          parent.members.put(parent.name, v);
        } else {
          parent.elements.add(v);
        }
      }
      p.nextToken();
    }
  }

  /**
   * Writes a Java value as JSON: {@code null}, {@link Boolean}, integers ({@link Byte} to
   * {@link Long}, {@link BigInteger}, exact), {@link Float}/{@link Double} (finite),
   * {@link BigDecimal}, {@link CharSequence}, {@link Enum} (its {@code toString()}), {@link Map}
   * (an object, keys by {@code toString()}), {@link Iterable} and {@code Object[]} (arrays), and
   * {@link JsonValue} (as parsed, members in their order).
   */
  public static void write(JsonGenerator g, Object value) {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof JsonValue v) {
      writeJson(g, v);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("JSON has no " + d);
      }
      g.writeNumber(d);
    } else if (value instanceof BigDecimal b) {
      g.writeNumber(b);
    } else if (value instanceof CharSequence s) {
      g.writeString(s.toString());
    } else if (value instanceof Enum<?> e) {
      g.writeString(e.toString());
    } else if (value instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Iterable<?> it) {
      g.writeStartArray();
      for (Object o : it) {
        write(g, o);
      }
      g.writeEndArray();
    } else if (value instanceof Object[] a) {
      g.writeStartArray();
      for (Object o : a) {
        write(g, o);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void writeJson(JsonGenerator g, JsonValue value) {
    if (value instanceof JsonValue.JsonObject o) {
      g.writeStartObject();
      for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
        g.writeName(e.getKey());
        writeJson(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof JsonValue.JsonArray a) {
      g.writeStartArray();
      for (JsonValue e : a.elements()) {
        writeJson(g, e);
      }
      g.writeEndArray();
    } else if (value instanceof JsonValue.JsonString s) {
      g.writeString(s.value());
    } else if (value instanceof JsonValue.JsonNumber n) {
      g.writeNumber(n.text());
    } else if (value instanceof JsonValue.JsonBoolean b) {
      g.writeBoolean(b.value());
    } else {
      g.writeNull();
    }
  }

  /** The value as JSON text, printed as QEMU prints ({@code ": "} and {@code ", "}). */
  public static String toText(Object value) {
    byte[] bytes = QmpJson.message(g -> write(g, value));
    return new String(bytes, 0, bytes.length - 2, StandardCharsets.UTF_8);
  }

  /** Member {@code path[0]}, then its member {@code path[1]}, ...; null where one is missing. */
  public static JsonValue member(JsonValue value, String... path) {
    JsonValue v = value;
    for (String name : path) {
      if (!(v instanceof JsonValue.JsonObject o)) {
        return null;
      }
      v = o.members().get(name);
    }
    return v;
  }

  /** A string's value; throws {@link IllegalArgumentException} for anything else. */
  public static String string(JsonValue value) {
    if (value instanceof JsonValue.JsonString s) {
      return s.value();
    }
    throw new IllegalArgumentException("not a string: " + describe(value));
  }

  public static boolean bool(JsonValue value) {
    if (value instanceof JsonValue.JsonBoolean b) {
      return b.value();
    }
    throw new IllegalArgumentException("not a boolean: " + describe(value));
  }

  /** An integer, exactly, whatever its size. */
  public static BigInteger bigInteger(JsonValue value) {
    if (value instanceof JsonValue.JsonNumber n && n.integer()) {
      return new BigInteger(n.text());
    }
    throw new IllegalArgumentException("not an integer: " + describe(value));
  }

  /** A QAPI {@code int}/{@code int64}: exact from -2^63 to 2^63-1, else an exception. */
  public static long int64(JsonValue value) {
    BigInteger b = bigInteger(value);
    if (b.bitLength() > 63) {
      throw new IllegalArgumentException("not an int64: " + b);
    }
    return b.longValue();
  }

  /**
   * A QAPI {@code uint64}/{@code size}: 0 to 2^64-1, returned as the long with the same 64 bits
   * (read it with {@link Long#toUnsignedString(long)}, {@link Long#compareUnsigned}...).
   */
  public static long uint64(JsonValue value) {
    BigInteger b = bigInteger(value);
    if (b.signum() < 0 || b.compareTo(UINT64_MAX) > 0) {
      throw new IllegalArgumentException("not a uint64: " + b);
    }
    return b.longValue();
  }

  /** A number as a double (as QEMU's {@code number}). */
  public static double number(JsonValue value) {
    if (value instanceof JsonValue.JsonNumber n) {
      return Double.parseDouble(n.text());
    }
    throw new IllegalArgumentException("not a number: " + describe(value));
  }

  /** A list's elements. */
  public static List<JsonValue> elements(JsonValue value) {
    if (value instanceof JsonValue.JsonArray a) {
      return a.elements();
    }
    throw new IllegalArgumentException("not an array: " + describe(value));
  }

  private static String describe(JsonValue value) {
    return value == null ? "nothing" : toText(value);
  }
}
