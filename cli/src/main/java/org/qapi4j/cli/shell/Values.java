package org.qapi4j.cli.shell;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The value of a {@code key=value} argument, read as qmp-shell reads it ({@code _parse_value} in
 * QEMU's {@code python/qemu/qmp/qmp_shell.py}): a decimal integer (Python's {@code int()}:
 * optional sign, leading zeros and single underscores between digits allowed); {@code true} or
 * {@code false} in any case; a text starting with {@code &#123;} or {@code [} as JSON, else as a
 * Python literal (single-quoted strings, {@code True}/{@code False}/{@code None} and
 * {@code true}/{@code false}/{@code null}, tuples, trailing commas); anything else, or a literal
 * that does not parse, the text itself, quotes included.
 *
 * <p>Values are plain Java: {@link String}, {@link Long} or {@link BigInteger}, {@link Double},
 * {@link Boolean}, {@code null}, {@link LinkedHashMap} and {@link ArrayList}.
 */
public final class Values {
  private static final Pattern PY_INT = Pattern.compile("[+-]?[0-9]+(?:_[0-9]+)*");

  private Values() {}

  /** The value of {@code text}, as qmp-shell reads it. */
  public static Object parse(String text) {
    if (PY_INT.matcher(text).matches()) {
      return integer(new BigInteger(text.replace("_", "")));
    }
    if (text.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (text.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    if (text.startsWith("{") || text.startsWith("[")) {
      try {
        return new Literal(text, false).whole();
      } catch (IllegalArgumentException notJson) {
        try {
          return new Literal(text, true).whole();
        } catch (IllegalArgumentException notPython) {
          return text;
        }
      }
    }
    return text;
  }

  /** A {@link Long} where it fits, else the {@link BigInteger}. */
  static Object integer(BigInteger b) {
    return b.bitLength() < 64 ? (Object) b.longValue() : b;
  }

  /** A recursive-descent reader of JSON (Python's json.loads) or of a Python literal. */
  private static final class Literal {
    private final String s;
    private final boolean python;
    private int i;

    Literal(String s, boolean python) {
      this.s = s;
      this.python = python;
    }

    Object whole() {
      Object v = value();
      space();
      if (i != s.length()) {
        throw fail();
      }
      return v;
    }

    private IllegalArgumentException fail() {
      return new IllegalArgumentException("not a literal at " + i);
    }

    private void space() {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
        i++;
      }
    }

    private boolean eat(char c) {
      space();
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    private Object value() {
      space();
      if (i >= s.length()) {
        throw fail();
      }
      char c = s.charAt(i);
      if (c == '{') {
        i++;
        return object();
      }
      if (c == '[') {
        i++;
        return array(']');
      }
      if (c == '(' && python) {
        i++;
        return array(')');
      }
      if (c == '"' || (c == '\'' && python)) {
        return string();
      }
      if (c == '-' || c == '+' || (c >= '0' && c <= '9') || (c == '.' && python)) {
        return number();
      }
      if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
          i++;
        }
        String word = s.substring(start, i);
        switch (word) {
          case "true":
            return Boolean.TRUE;
          case "false":
            return Boolean.FALSE;
          case "null":
            return null;
          case "NaN":
            if (!python) {
              return Double.NaN;
            }
            break;
          case "Infinity":
            if (!python) {
              return Double.POSITIVE_INFINITY;
            }
            break;
          case "True":
            if (python) {
              return Boolean.TRUE;
            }
            break;
          case "False":
            if (python) {
              return Boolean.FALSE;
            }
            break;
          case "None":
            if (python) {
              return null;
            }
            break;
          default:
            break;
        }
        throw fail();
      }
      throw fail();
    }

    private Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      if (eat('}')) {
        return m;
      }
      while (true) {
        space();
        Object key;
        if (python) {
          key = value();
          if (key instanceof Map || key instanceof List) {
            throw fail(); // unhashable
          }
        } else {
          if (i >= s.length() || s.charAt(i) != '"') {
            throw fail();
          }
          key = string();
        }
        if (!eat(':')) {
          throw fail();
        }
        m.put(keyText(key), value());
        if (eat(',')) {
          if (python && eat('}')) {
            return m;
          }
          continue;
        }
        if (eat('}')) {
          return m;
        }
        throw fail();
      }
    }

    /** A Python key as json.dumps writes it. */
    private static String keyText(Object key) {
      if (key == null) {
        return "null";
      }
      if (key instanceof Boolean || key instanceof Double) {
        return JsonText.compact(key);
      }
      return key.toString();
    }

    private Object array(char close) {
      List<Object> a = new ArrayList<>();
      if (eat(close)) {
        return a;
      }
      while (true) {
        a.add(value());
        if (eat(',')) {
          if (python && eat(close)) {
            return a;
          }
          continue;
        }
        if (eat(close)) {
          return close == ')' && a.size() == 1 ? a.get(0) : a; // (x) is x; (x,) a tuple
        }
        throw fail();
      }
    }

    private String string() {
      char quote = s.charAt(i++);
      StringBuilder b = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw fail();
        }
        char c = s.charAt(i++);
        if (c == quote) {
          return b.toString();
        }
        if (c < 0x20 && !python) {
          throw fail();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        if (i >= s.length()) {
          throw fail();
        }
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\' -> b.append(e);
          case '/' -> b.append(python ? "\\/" : "/");
          case '\'' -> {
            if (!python) {
              throw fail();
            }
            b.append('\'');
          }
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> b.append((char) hex(4));
          case 'x' -> {
            if (!python) {
              throw fail();
            }
            b.append((char) hex(2));
          }
          default -> {
            if (!python) {
              throw fail();
            }
            b.append('\\').append(e); // Python keeps an unknown escape as written
          }
        }
      }
    }

    private int hex(int n) {
      if (i + n > s.length()) {
        throw fail();
      }
      try {
        int v = Integer.parseInt(s.substring(i, i + n), 16);
        i += n;
        return v;
      } catch (NumberFormatException e) {
        throw fail();
      }
    }

    private Object number() {
      int start = i;
      boolean negative = false;
      if (s.charAt(i) == '-' || (python && s.charAt(i) == '+')) {
        negative = s.charAt(i) == '-';
        i++;
        if (python) {
          space();
        }
      }
      if (!python && s.startsWith("Infinity", i)) {
        i += "Infinity".length();
        return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      int digits = i;
      if (python && s.startsWith("0", i) && i + 1 < s.length() && "xXoObB".indexOf(s.charAt(i + 1)) >= 0) {
        int radix = switch (Character.toLowerCase(s.charAt(i + 1))) {
          case 'x' -> 16;
          case 'o' -> 8;
          default -> 2;
        };
        i += 2;
        int from = i;
        while (i < s.length() && (Character.digit(s.charAt(i), radix) >= 0 || s.charAt(i) == '_')) {
          i++;
        }
        String text = s.substring(from, i).replace("_", "");
        if (text.isEmpty()) {
          throw fail();
        }
        BigInteger b = new BigInteger(text, radix);
        return integer(negative ? b.negate() : b);
      }
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || (python && s.charAt(i) == '_'))) {
        i++;
      }
      String intPart = s.substring(digits, i).replace("_", "");
      if (!python && (intPart.isEmpty() || (intPart.length() > 1 && intPart.charAt(0) == '0'))) {
        throw fail();
      }
      boolean fraction = false;
      if (i < s.length() && s.charAt(i) == '.') {
        fraction = true;
        i++;
        int f = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        if (!python && i == f) {
          throw fail();
        }
      }
      if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        fraction = true;
        i++;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
          i++;
        }
        int x = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        if (i == x) {
          throw fail();
        }
      }
      if (intPart.isEmpty() && !fraction) {
        throw fail();
      }
      if (fraction) {
        String text = s.substring(digits, i).replace("_", "");
        double d = Double.parseDouble(text.startsWith(".") ? "0" + text : text);
        return negative ? -d : d;
      }
      if (python && intPart.length() > 1 && intPart.charAt(0) == '0' && !intPart.matches("0+")) {
        throw fail(); // Python rejects 012
      }
      BigInteger b = new BigInteger(intPart);
      return integer(negative ? b.negate() : b);
    }
  }
}
