package org.qapi4j.cli.shell;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.qapi4j.runtime.json.JsonValue;

/**
 * JSON text as qmp-shell prints it (Python's {@code json.dumps}): on one line with {@code ", "}
 * and {@code ": "} ({@link #compact}), or, for {@code -p}, indented by 4 with the members of each
 * object sorted by name ({@link #pretty}); every character outside printable ASCII escaped as
 * {@code \\uXXXX}. Takes the shell's plain values ({@link Values}) and received {@link JsonValue}s,
 * whose numbers are printed as they came.
 */
public final class JsonText {
  private JsonText() {}

  /** {@code json.dumps(value)}. */
  public static String compact(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, -1, 0);
    return b.toString();
  }

  /** {@code json.dumps(value, indent=4, sort_keys=True)}. */
  public static String pretty(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, 4, 0);
    return b.toString();
  }

  /** {@link #pretty} or {@link #compact}. */
  public static String of(Object value, boolean pretty) {
    return pretty ? pretty(value) : compact(value);
  }

  private static void write(StringBuilder b, Object v, int indent, int depth) {
    if (v instanceof JsonValue j) {
      v = plain(j);
    }
    if (v == null) {
      b.append("null");
    } else if (v instanceof Boolean bool) {
      b.append(bool ? "true" : "false");
    } else if (v instanceof RawNumber n) {
      b.append(n.text());
    } else if (v instanceof Double || v instanceof Float) {
      b.append(pythonFloat(((Number) v).doubleValue()));
    } else if (v instanceof Number n) {
      b.append(n instanceof BigDecimal d ? d.toString() : n.toString());
    } else if (v instanceof CharSequence s) {
      string(b, s.toString());
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        b.append("{}");
        return;
      }
      List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
      if (indent >= 0) {
        entries.sort((x, y) -> String.valueOf(x.getKey()).compareTo(String.valueOf(y.getKey())));
      }
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : entries) {
        separator(b, first, indent, depth + 1);
        first = false;
        string(b, String.valueOf(e.getKey()));
        b.append(": ");
        write(b, e.getValue(), indent, depth + 1);
      }
      newline(b, indent, depth);
      b.append('}');
    } else if (v instanceof Collection<?> c) {
      if (c.isEmpty()) {
        b.append("[]");
        return;
      }
      b.append('[');
      boolean first = true;
      for (Object o : c) {
        separator(b, first, indent, depth + 1);
        first = false;
        write(b, o, indent, depth + 1);
      }
      newline(b, indent, depth);
      b.append(']');
    } else {
      string(b, v.toString());
    }
  }

  private static void separator(StringBuilder b, boolean first, int indent, int depth) {
    if (!first) {
      b.append(indent >= 0 ? "," : ", ");
    }
    newline(b, indent, depth);
  }

  private static void newline(StringBuilder b, int indent, int depth) {
    if (indent >= 0) {
      b.append('\n').append(" ".repeat(indent * depth));
    }
  }

  /** A number received, printed as it came. */
  private record RawNumber(String text) {}

  /** A received value as plain values (members in their order, numbers as they came). */
  static Object plain(JsonValue j) {
    if (j instanceof JsonValue.JsonObject o) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      o.members().forEach((k, x) -> m.put(k, plain(x)));
      return m;
    }
    if (j instanceof JsonValue.JsonArray a) {
      List<Object> l = new ArrayList<>();
      a.elements().forEach(x -> l.add(plain(x)));
      return l;
    }
    if (j instanceof JsonValue.JsonString s) {
      return s.value();
    }
    if (j instanceof JsonValue.JsonNumber n) {
      return new RawNumber(n.text());
    }
    if (j instanceof JsonValue.JsonBoolean bool) {
      return bool.value();
    }
    return null;
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  /** Python's {@code repr} of a float: shortest digits, exponent form below 1e-4 and from 1e16. */
  static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal v = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = v.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - v.scale(); // of the first digit
    String sign = d < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
    String plain = v.abs().toPlainString();
    return sign + (plain.contains(".") ? plain : plain + ".0");
  }

  /** The integer of a value, if it is one. */
  static BigInteger integer(Object v) {
    if (v instanceof Long || v instanceof Integer) {
      return BigInteger.valueOf(((Number) v).longValue());
    }
    return v instanceof BigInteger b ? b : null;
  }
}
