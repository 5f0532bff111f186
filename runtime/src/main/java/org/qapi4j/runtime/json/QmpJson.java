package org.qapi4j.runtime.json;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.qapi4j.runtime.marshal.Output;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
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

  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** QEMU keeps an integer that fits 64 bits (signed or not) as is, and any other number as a double. */
  private static void writeNumber(JsonGenerator g, JsonValue.JsonNumber n) {
    if (n.integer()) {
      BigInteger v = new BigInteger(n.text());
      if (v.compareTo(INT64_MIN) >= 0 && v.compareTo(UINT64_MAX) <= 0) {
        g.writeNumber(v.toString());
        return;
      }
    }
    Output.number(g, Double.parseDouble(n.text()));
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
}
