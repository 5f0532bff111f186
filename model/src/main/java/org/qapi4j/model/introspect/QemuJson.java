package org.qapi4j.model.introspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small JSON printer for values made of maps, lists, strings, booleans, numbers and null, in
 * QEMU's output format: members in the {@link KeyOrder} given (QEMU's is its QDict order, which
 * the runtime implements), {@code ": "} and {@code ", "}, and QEMU's string escapes. The model has
 * no JSON library; this is all it needs.
 */
public final class QemuJson {
  private QemuJson() {}

  /** Drops every {@link Conditional} whose condition does not hold, and unwraps the others. */
  public static Object evaluate(Object value, Set<String> defined) {
    if (value instanceof Conditional c) {
      return evaluate(c.value(), defined);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object e : list) {
        if (!(e instanceof Conditional c) || c.condition().holds(defined)) {
          out.add(evaluate(e, defined));
        }
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, evaluate(v, defined)));
      return out;
    }
    return value;
  }

  /** The value as JSON text, each object's members in {@code order}. */
  public static String write(Object value, KeyOrder order) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, order, new java.util.HashMap<>());
    return sb.toString();
  }

  /**
   * {@code orders} remembers the QEMU order of each set of keys met: the objects of an
   * introspection reply have few distinct ones.
   */
  private static void write(
      StringBuilder sb, Object value, KeyOrder order, Map<List<String>, List<String>> orders) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String s) {
      string(sb, s);
    } else if (value instanceof Boolean || value instanceof Number) {
      sb.append(value);
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ", ");
        write(sb, list.get(i), order, orders);
      }
      sb.append(']');
    } else if (value instanceof Map<?, ?> map) {
      List<String> keys = new ArrayList<>();
      map.keySet().forEach(k -> keys.add((String) k));
      sb.append('{');
      boolean first = true;
      for (String key : orders.computeIfAbsent(keys, order::of)) {
        sb.append(first ? "" : ", ");
        first = false;
        string(sb, key);
        sb.append(": ");
        write(sb, map.get(key), order, orders);
      }
      sb.append('}');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  /** A string as QEMU escapes it: short escapes, and {@code \\uXXXX} outside printable ASCII. */
  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c >= 0x7F) {
            sb.append(String.format("\\u%04X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
