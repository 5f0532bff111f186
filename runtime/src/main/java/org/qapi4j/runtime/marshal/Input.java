package org.qapi4j.runtime.marshal;

import java.util.Map;
import org.qapi4j.runtime.QmpError;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.JsonToken;

/**
 * What generated readers call to take values from a request, with QEMU 7.2's input errors
 * ({@code qapi/qobject-input-visitor.c}, {@code qapi/qapi-visit-core.c}) word for word.
 *
 * <p>Every reader expects the parser on the value's first token and leaves it on the value's last
 * token. {@code path} is the member's full name as QEMU prints it ({@code backend.data.logfile},
 * {@code capabilities[0].state}); {@code name} is what QEMU's range and enum errors print: the bare
 * member name, or for a list element (where QEMU prints {@code null}) its path.
 */
public final class Input {
  /**
   * For captured values and empty arguments: the limits of {@link org.qapi4j.runtime.json.QmpJson}'s
   * parser (a captured value is part of a request it read), not Jackson's defaults (1,000 digits).
   */
  private static final JsonFactory EMPTY = JsonFactory.builder()
      .streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
          .maxNestingDepth(org.qapi4j.runtime.json.JsonStreamer.MAX_NESTING + 8)
          .maxStringLength(org.qapi4j.runtime.json.JsonStreamer.MAX_TOKEN_SIZE)
          .maxNumberLength(org.qapi4j.runtime.json.JsonStreamer.MAX_TOKEN_SIZE)
          .build())
      .streamWriteConstraints(tools.jackson.core.StreamWriteConstraints.builder()
          .maxNestingDepth(org.qapi4j.runtime.json.QmpJson.MAX_WRITE_NESTING).build())
      .build();
  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  /**
   * True while a client reads a reply or an event ({@link #tolerantly}): what a newer server may
   * send that the schema lacks is let through instead of refused, an unknown member skipped, an
   * unknown enum value read as null. A server's requests are read strictly, as QEMU reads them.
   */
  private static final ThreadLocal<Boolean> TOLERANT = new ThreadLocal<>();

  private Input() {}

  /** Runs {@code read} with the tolerance of a client ({@link #tolerant}). */
  public static <T> T tolerantly(java.util.function.Supplier<T> read) {
    Boolean before = TOLERANT.get();
    TOLERANT.set(Boolean.TRUE);
    try {
      return read.get();
    } finally {
      TOLERANT.set(before);
    }
  }

  /** True if what is read is a reply or an event, read by a client; asked only where a value does not fit. */
  public static boolean tolerant() {
    return TOLERANT.get() == Boolean.TRUE;
  }

  /**
   * The discriminator's value of a union being read: not null, except where a client met a value
   * the schema lacks, which no branch can hold.
   */
  public static <E extends Enum<E>> E branch(E tag, String union, String discriminator, String path) {
    if (tag == null) {
      throw new QmpError("Union '" + union + "' has no branch for the value of '" + path(path, discriminator)
          + "' (a newer server's?)");
    }
    return tag;
  }

  /** The full name of member {@code member} of the object at {@code parent} (null at top level). */
  public static String path(String parent, String member) {
    return parent == null ? member : parent + "." + member;
  }

  /** The full name of element {@code index} of the list at {@code parent}. */
  public static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  public static QmpError missing(String path) {
    return new QmpError("Parameter '" + path + "' is missing");
  }

  public static QmpError unexpected(String path) {
    return new QmpError("Parameter '" + path + "' is unexpected");
  }

  public static QmpError invalidType(String path, String expected) {
    return new QmpError("Invalid parameter type for '" + path + "', expected: " + expected);
  }

  public static QmpError outOfRange(String name, String cType) {
    return new QmpError("Parameter '" + name + "' expects " + cType);
  }

  public static QmpError badEnumValue(String name, String value) {
    return new QmpError("Parameter '" + name + "' does not accept value '" + value + "'");
  }

  /** Checks that the current token starts an object. */
  public static void beginObject(JsonParser p, String path) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw invalidType(path, "object");
    }
  }

  /**
   * After a reader failed inside a value, moves the parser to the value's last token, so that the
   * enclosing object can go on: {@code depth} is the enclosing object's nesting depth.
   */
  public static void skipRest(JsonParser p, int depth) {
    while (p.streamReadContext().getNestingDepth() > depth) {
      p.nextToken();
    }
  }

  /**
   * The object the parser is on, copied, so that it can be read twice: a union reads its base to
   * learn the discriminator, then the whole object as base and branch. The parser is left on the
   * object's last token.
   */
  public static byte[] capture(JsonParser p) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (tools.jackson.core.JsonGenerator g = EMPTY.createGenerator(tools.jackson.core.ObjectWriteContext.empty(), bytes)) {
      // Not copyCurrentStructure(): it copies numbers as values (1e400 becomes "Infinity", -0 becomes
      // 0); their text is what QEMU reads, so it is copied as it was sent.
      int depth = 0;
      JsonToken t = p.currentToken();
      while (true) {
        switch (t) {
          case START_OBJECT -> {
            g.writeStartObject();
            depth++;
          }
          case END_OBJECT -> {
            g.writeEndObject();
            depth--;
          }
          case START_ARRAY -> {
            g.writeStartArray();
            depth++;
          }
          case END_ARRAY -> {
            g.writeEndArray();
            depth--;
          }
          case PROPERTY_NAME -> g.writeName(p.currentName());
          case VALUE_STRING -> g.writeString(p.getString());
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getString());
          case VALUE_TRUE -> g.writeBoolean(true);
          case VALUE_FALSE -> g.writeBoolean(false);
          default -> g.writeNull();
        }
        if (depth == 0) {
          break;
        }
        t = p.nextToken();
      }
    }
    return bytes.toByteArray();
  }

  /** A parser on the first token of a {@link #capture captured} value. */
  public static JsonParser reread(byte[] captured) {
    JsonParser p = EMPTY.createParser(ObjectReadContext.empty(), captured);
    p.nextToken();
    return p;
  }

  /** A union value whose discriminator does not match its variant: a bug of the application. */
  public static IllegalArgumentException wrongVariant(String union, Object value) {
    return new IllegalArgumentException("the discriminator of this " + union + " does not match its variant: " + value);
  }

  /** Checks that the current token starts an array. */
  public static void beginArray(JsonParser p, String path) {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw invalidType(path, "array");
    }
  }

  /**
   * The arguments of a command, on their {@code START_OBJECT}: {@code arguments} advanced by one
   * token, or an empty object when the request had none.
   */
  public static JsonParser arguments(JsonParser arguments) {
    JsonParser p = arguments != null ? arguments : EMPTY.createParser(ObjectReadContext.empty(), EMPTY_OBJECT);
    p.nextToken();
    return p;
  }

  /**
   * For the arguments of a command that takes none: succeeds when there are no arguments or they
   * are {@code {}}; otherwise reports a member as unexpected, the one QEMU would name.
   */
  public static void noArguments(JsonParser arguments) {
    if (arguments == null) {
      return;
    }
    arguments.nextToken();
    beginObject(arguments, "null");
    MemberErrors errors = new MemberErrors();
    while (arguments.nextToken() == JsonToken.PROPERTY_NAME) {
      errors.unexpected(arguments.currentName());
      arguments.nextToken();
      arguments.skipChildren();
    }
    errors.check(null);
  }

  public static String str(JsonParser p, String path) {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw invalidType(path, "string");
    }
    return p.getString();
  }

  public static boolean bool(JsonParser p, String path) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw invalidType(path, "boolean");
  }

  /** QAPI {@code number}: any JSON number. */
  public static double number(JsonParser p, String path) {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw invalidType(path, "number");
    }
    double d = org.qapi4j.runtime.json.QmpJson.toDouble(p.getString()); // as strtod, linear in the length
    // An integer token is an integer to QEMU, converted to double: -0 is 0 (a float -0.0 stays -0.0).
    return t == JsonToken.VALUE_NUMBER_INT && d == 0 ? 0.0 : d;
  }

  /** QAPI {@code null}: only JSON {@code null}. */
  public static void jsonNull(JsonParser p, String path) {
    if (p.currentToken() != JsonToken.VALUE_NULL) {
      throw invalidType(path, "null");
    }
  }

  /** A value of QAPI type {@code null}. */
  public static org.qapi4j.runtime.QNull qnull(JsonParser p, String path) {
    jsonNull(p, path);
    return org.qapi4j.runtime.QNull.INSTANCE;
  }

  /** QAPI {@code any}: whatever JSON value is there, as a tree. */
  public static org.qapi4j.runtime.json.JsonValue any(JsonParser p) {
    return org.qapi4j.runtime.json.QmpJson.tree(p);
  }

  /** QAPI {@code int} / {@code int64}: an integer that fits in 64 bits, signed. */
  public static long int64(JsonParser p, String path) {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw invalidType(path, "integer");
    }
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw invalidType(path, "integer");
    }
    return p.getLongValue();
  }

  public static int int32(JsonParser p, String path, String name) {
    long v = int64(p, path);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw outOfRange(name, "int32_t");
    }
    return (int) v;
  }

  public static short int16(JsonParser p, String path, String name) {
    long v = int64(p, path);
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
      throw outOfRange(name, "int16_t");
    }
    return (short) v;
  }

  public static byte int8(JsonParser p, String path, String name) {
    long v = int64(p, path);
    if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
      throw outOfRange(name, "int8_t");
    }
    return (byte) v;
  }

  /**
   * QAPI {@code uint64} and {@code size}: an integer from 0 to 2^64-1, returned as the {@code long}
   * with the same 64 bits (read it with {@link Long#toUnsignedString(long)}). QEMU accepts a
   * negative number here and wraps it; qapi4j rejects it ({@code expects uint64_t}). What is not
   * an integer of 64 bits at all (a string, a fraction, 2^64) is refused as QEMU's
   * {@code qobject_input_type_uint64()} refuses it: {@code Parameter 'PATH' expects uint64}.
   */
  public static long uint64(JsonParser p, String path, String name) {
    return unsigned(p, path, name, -1L, "uint64_t");
  }

  /**
   * QEMU's {@code Parameter 'PATH' expects uint64}: an unsigned integer of any size given something
   * that is not an integer in [-2^63, 2^64-1] (its full path, where range errors print the name).
   */
  public static QmpError notUint64(String path) {
    return new QmpError("Parameter '" + path + "' expects uint64");
  }

  public static long uint32(JsonParser p, String path, String name) {
    return unsigned(p, path, name, 0xFFFF_FFFFL, "uint32_t");
  }

  public static int uint16(JsonParser p, String path, String name) {
    return (int) unsigned(p, path, name, 0xFFFF, "uint16_t");
  }

  public static short uint8(JsonParser p, String path, String name) {
    return (short) unsigned(p, path, name, 0xFF, "uint8_t");
  }

  /**
   * QEMU's {@code visit_type_uintN()} over {@code qobject_input_type_uint64()}: a value that is not
   * an integer of 64 bits (signed or not) is {@code expects uint64}, by path; a negative one, or
   * one above {@code max} (unsigned), {@code expects cType}, by name.
   */
  private static long unsigned(JsonParser p, String path, String name, long max, String cType) {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw notUint64(path);
    }
    String text = p.getString();
    // Decided on the text: no arbitrary-precision arithmetic on a client's million digits.
    if (!org.qapi4j.runtime.json.QmpJson.fitsInt64OrUint64(text)) {
      throw notUint64(path);
    }
    if (text.startsWith("-")) {
      if (text.equals("-0")) {
        return 0;
      }
      // QEMU wraps a negative value to 64 bits and then finds it too large (a uint64 it keeps).
      throw outOfRange(name, cType);
    }
    long v = Long.parseUnsignedLong(text);
    if (Long.compareUnsigned(v, max) > 0) {
      throw outOfRange(name, cType);
    }
    return v;
  }

  /** An enum value by wire name; {@code values} maps every wire name to its constant. */
  public static <E extends Enum<E>> E enumValue(
      JsonParser p, String path, String name, Map<String, E> values) {
    String s = str(p, path);
    E e = values.get(s);
    if (e == null) {
      if (tolerant()) {
        return null;
      }
      throw badEnumValue(name, s);
    }
    return e;
  }
}
