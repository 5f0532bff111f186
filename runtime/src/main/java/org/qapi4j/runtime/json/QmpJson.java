package org.qapi4j.runtime.json;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Jackson configured for QMP: a parser that reads what QEMU reads (single quotes, {@code \'}), and
 * a generator that prints what QEMU prints ({@code ": "} and {@code ", "} separators, every
 * character outside printable ASCII escaped as {@code \\uXXXX} with upper-case digits).
 */
public final class QmpJson {
  /**
   * How deep a message the generator writes: a value read from a request (nested up to
   * {@link JsonStreamer#MAX_NESTING}) inside a reply, with room to spare. Deeper output fails
   * with a {@link tools.jackson.core.exc.StreamWriteException}.
   */
  public static final int MAX_WRITE_NESTING = JsonStreamer.MAX_NESTING + 16;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(JsonStreamer.MAX_NESTING + 8)
                  .maxStringLength(JsonStreamer.MAX_TOKEN_SIZE)
                  .maxNumberLength(JsonStreamer.MAX_TOKEN_SIZE)
                  .build())
          // A request's id may be nested as deep as the streamer allows, and a reply wraps it
          // once more (Jackson's default is 500).
          .streamWriteConstraints(
              StreamWriteConstraints.builder().maxNestingDepth(MAX_WRITE_NESTING).build())
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .characterEscapes(new QemuEscapes())
          .build();

  private static final ObjectWriteContext WRITE_CONTEXT =
      new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
          return QemuPrinter.INSTANCE;
        }

        @Override
        public boolean hasPrettyPrinter() {
          return true;
        }
      };

  private QmpJson() {}

  /** A parser over {@code bytes[offset, offset+length)}, positioned before the first token. */
  public static JsonParser parser(byte[] bytes, int offset, int length) {
    return FACTORY.createParser(ObjectReadContext.empty(), bytes, offset, length);
  }

  /**
   * One message as QEMU prints it: what {@code body} writes, then {@code \r\n}. Throws whatever
   * the body throws; nothing is returned half-written.
   */
  public static byte[] message(Consumer<JsonGenerator> body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = FACTORY.createGenerator(WRITE_CONTEXT, out)) {
      body.accept(g);
    }
    out.write('\r');
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * Writes a value of a request back (the {@code id}) as QEMU re-prints it: objects in QDict order,
   * integers as integers, other numbers as C's {@code %.17g}.
   */
  public static void write(JsonGenerator g, JsonValue value) {
    if (value instanceof JsonValue.JsonObject o) {
      g.writeStartObject();
      for (String key : QDictOrder.of(new ArrayList<>(o.members().keySet()))) {
        g.writeName(key);
        write(g, o.members().get(key));
      }
      g.writeEndObject();
    } else if (value instanceof JsonValue.JsonArray a) {
      g.writeStartArray();
      for (JsonValue e : a.elements()) {
        write(g, e);
      }
      g.writeEndArray();
    } else if (value instanceof JsonValue.JsonString s) {
      g.writeString(s.value());
    } else if (value instanceof JsonValue.JsonBoolean b) {
      g.writeBoolean(b.value());
    } else if (value instanceof JsonValue.JsonNumber n) {
      writeNumber(g, n);
    } else {
      g.writeNull();
    }
  }

  /** The digits of {@code -2^63} and of {@code 2^64-1}: whether an integer fits is decided on its text. */
  private static final String INT64_MIN_DIGITS = "9223372036854775808";
  private static final String UINT64_MAX_DIGITS = "18446744073709551615";
  /**
   * Significant digits kept to convert a number to a double: more than the 768 a double can need
   * to be rounded correctly; any nonzero digit after them is kept as a final 1.
   */
  private static final int DOUBLE_DIGITS = 800;

  /**
   * QEMU keeps an integer that fits 64 bits (signed or not) as is, and any other number as a
   * double, printed as {@code %.17g}. Linear in the number's length, whatever it is: no
   * arbitrary-precision arithmetic on a client's digits.
   */
  private static void writeNumber(JsonGenerator g, JsonValue.JsonNumber n) {
    String text = n.text();
    if (n.integer() && fitsInt64OrUint64(text)) {
      g.writeNumber(text.equals("-0") ? "0" : text);
      return;
    }
    g.writeNumber(formatDouble(toDouble(text)));
  }

  /**
   * Whether an integer's text (JSON's: an optional minus, no leading zero) is within
   * {@code [-2^63, 2^64-1]}: by its number of digits, then comparing the digits as strings.
   */
  public static boolean fitsInt64OrUint64(String text) {
    boolean negative = text.startsWith("-");
    int digits = text.length() - (negative ? 1 : 0);
    String bound = negative ? INT64_MIN_DIGITS : UINT64_MAX_DIGITS;
    if (digits != bound.length()) {
      return digits < bound.length();
    }
    return text.substring(negative ? 1 : 0).compareTo(bound) <= 0;
  }

  /**
   * A JSON number's text as C's {@code strtod} reads it (correctly rounded), from at most
   * {@link #DOUBLE_DIGITS} significant digits and the exponent: linear in the text's length.
   */
  public static double toDouble(String text) {
    int i = 0;
    int len = text.length();
    boolean negative = text.startsWith("-");
    if (negative) {
      i++;
    }
    StringBuilder significant = new StringBuilder(Math.min(len, DOUBLE_DIGITS + 1));
    boolean sticky = false; // a nonzero digit beyond the ones kept
    long pointAt = 0; // the decimal exponent of the first significant digit, plus one
    boolean seenNonZero = false;
    boolean fraction = false;
    for (; i < len; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        fraction = true;
        continue;
      }
      if (c == 'e' || c == 'E') {
        break;
      }
      if (!seenNonZero && c == '0') {
        if (fraction) {
          pointAt--; // 0.001: the first significant digit is further right
        }
        continue;
      }
      seenNonZero = true;
      if (!fraction) {
        pointAt++;
      }
      if (significant.length() < DOUBLE_DIGITS) {
        significant.append(c);
      } else if (c != '0') {
        sticky = true;
      }
    }
    long exponent = 0;
    if (i < len) { // after the 'e'
      i++;
      boolean negativeExponent = false;
      if (text.charAt(i) == '+' || text.charAt(i) == '-') {
        negativeExponent = text.charAt(i) == '-';
        i++;
      }
      for (; i < len; i++) {
        // Saturates far beyond any double's range (and beyond the 64 Mi digits a token may have).
        exponent = Math.min(exponent * 10 + (text.charAt(i) - '0'), 1L << 40);
      }
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    if (!seenNonZero) {
      return negative ? -0.0 : 0.0;
    }
    if (sticky) {
      significant.append('1');
    }
    String bounded = (negative ? "-0." : "0.") + significant + "e" + (pointAt + exponent);
    return Double.parseDouble(bounded);
  }

  /** Lists of keys in QEMU's order, for writers that know their members. */
  public static List<String> order(Map<String, ?> members) {
    return QDictOrder.of(new ArrayList<>(members.keySet()));
  }

  /** QEMU's separators, no indentation. */
  private static final class QemuPrinter implements PrettyPrinter {
    static final QemuPrinter INSTANCE = new QemuPrinter();

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {}

    @Override
    public void writeStartObject(JsonGenerator g) {
      g.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) {
      g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) {
      g.writeRaw(", ");
    }

    @Override
    public void writeObjectNameValueSeparator(JsonGenerator g) {
      g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) {
      g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) {
      g.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) {
      g.writeRaw(", ");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {}

    @Override
    public void beforeObjectEntries(JsonGenerator g) {}
  }

  /** QEMU escapes DEL too; everything above it is escaped by {@code ESCAPE_NON_ASCII}. */
  private static final class QemuEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    QemuEscapes() {
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public tools.jackson.core.SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }

  /** The JSON value at the parser's current token, as a tree (its members in the order read). */
  public static JsonValue tree(JsonParser p) {
    return switch (p.currentToken()) {
      case START_OBJECT -> {
        Map<String, JsonValue> members = new java.util.LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String key = p.currentName();
          p.nextToken();
          members.put(key, tree(p));
        }
        yield new JsonValue.JsonObject(members, 0, 0);
      }
      case START_ARRAY -> {
        List<JsonValue> elements = new java.util.ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          elements.add(tree(p));
        }
        yield new JsonValue.JsonArray(elements, 0, 0);
      }
      case VALUE_STRING -> new JsonValue.JsonString(p.getString(), 0, 0);
      case VALUE_NUMBER_INT -> new JsonValue.JsonNumber(p.getString(), true, 0, 0);
      case VALUE_NUMBER_FLOAT -> new JsonValue.JsonNumber(p.getString(), false, 0, 0);
      case VALUE_TRUE -> new JsonValue.JsonBoolean(true, 0, 0);
      case VALUE_FALSE -> new JsonValue.JsonBoolean(false, 0, 0);
      default -> new JsonValue.JsonNull(0, 0);
    };
  }

  private static final MathContext SIGNIFICANT_17 = new MathContext(17);

  /**
   * C's {@code printf("%.17g", value)}: 17 significant digits, trailing zeros removed, exponent
   * form when the exponent is below -4 or at least 17.
   */
  public static String formatDouble(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0" : "0";
    }
    BigDecimal d = new BigDecimal(value).round(SIGNIFICANT_17);
    int exponent = d.precision() - d.scale() - 1;
    if (exponent < -4 || exponent >= 17) {
      BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
      String m = mantissa.toPlainString();
      String sign = exponent < 0 ? "-" : "+";
      int abs = Math.abs(exponent);
      return m + "e" + sign + (abs < 10 ? "0" : "") + abs;
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
