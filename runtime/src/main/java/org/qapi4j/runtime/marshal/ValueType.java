package org.qapi4j.runtime.marshal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The type of a member or list element, as the processor writes it in the tables of generated
 * code: a built-in ({@code str}, {@code bool}, {@code number}, {@code int}, {@code int8} …
 * {@code uint64}, {@code size}, {@code any}, {@code null}), the number of a named type of the
 * schema ({@link NamedTypes}), or {@code [T}, a list of {@code T}.
 *
 * <p>An integer type is read into the Java type that holds it: by default {@code long} for
 * {@code int}, {@code int64}, {@code uint32}, {@code uint64} and {@code size}, {@code int} for
 * {@code int32} and {@code uint16}, {@code short} for {@code int16} and {@code uint8}, {@code byte}
 * for {@code int8}; {@code uint8>int} reads a {@code uint8} into an {@code int}.
 */
public abstract sealed class ValueType {
  private ValueType() {}

  /** Parses the text of a type. */
  public static ValueType parse(String text) {
    if (text.startsWith("[")) {
      return new ListOf(parse(text.substring(1)));
    }
    if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
      return new Named(Integer.parseInt(text));
    }
    int holder = text.indexOf('>');
    String name = holder < 0 ? text : text.substring(0, holder);
    Builtin b = Builtin.of(name);
    return new Scalar(b, holder < 0 ? b.holder : Holder.of(text.substring(holder + 1)));
  }

  /**
   * Reads a value; the parser is on its first token and is left on its last. {@code path} is the
   * value's full name, {@code name} what its range and enum errors print.
   */
  public abstract Object read(NamedTypes types, JsonParser p, String path, String name);

  /** Writes a value (not null). */
  public abstract void write(NamedTypes types, JsonGenerator out, Object value);

  /** The value of a primitive member that was not read: false or zero. */
  Object zero() {
    throw new IllegalArgumentException("not a primitive type: " + this);
  }

  /** The Java types integers are held in. */
  private enum Holder {
    LONG, INT, SHORT, BYTE;

    static Holder of(String keyword) {
      return valueOf(keyword.toUpperCase(java.util.Locale.ROOT));
    }

    Object box(long value) {
      return switch (this) {
        case LONG -> value;
        case INT -> (int) value;
        case SHORT -> (short) value;
        case BYTE -> (byte) value;
      };
    }
  }

  private enum Builtin {
    STR(null), BOOL(null), NUMBER(null), INT(Holder.LONG), INT8(Holder.BYTE), INT16(Holder.SHORT),
    INT32(Holder.INT), INT64(Holder.LONG), UINT8(Holder.SHORT), UINT16(Holder.INT), UINT32(Holder.LONG),
    UINT64(Holder.LONG), SIZE(Holder.LONG), ANY(null), NULL(null);

    final Holder holder;

    Builtin(Holder holder) {
      this.holder = holder;
    }

    static Builtin of(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
  }

  private static final class Scalar extends ValueType {
    private final Builtin type;
    private final Holder holder;

    Scalar(Builtin type, Holder holder) {
      this.type = type;
      this.holder = holder;
    }

    @Override
    public Object read(NamedTypes types, JsonParser p, String path, String name) {
      return switch (type) {
        case STR -> Input.str(p, path);
        case BOOL -> Input.bool(p, path);
        case NUMBER -> Input.number(p, path);
        case INT, INT64 -> holder.box(Input.int64(p, path));
        case INT8 -> holder.box(Input.int8(p, path, name));
        case INT16 -> holder.box(Input.int16(p, path, name));
        case INT32 -> holder.box(Input.int32(p, path, name));
        case UINT8 -> holder.box(Input.uint8(p, path, name));
        case UINT16 -> holder.box(Input.uint16(p, path, name));
        case UINT32 -> holder.box(Input.uint32(p, path, name));
        case UINT64, SIZE -> holder.box(Input.uint64(p, path, name));
        case ANY -> Input.any(p);
        case NULL -> Input.qnull(p, path);
      };
    }

    @Override
    public void write(NamedTypes types, JsonGenerator out, Object value) {
      switch (type) {
        case STR -> out.writeString((String) value);
        case BOOL -> out.writeBoolean((Boolean) value);
        case NUMBER -> Output.number(out, (Double) value);
        case UINT64, SIZE -> Output.uint64(out, ((Number) value).longValue());
        case ANY -> Output.any(out, (org.qapi4j.runtime.json.JsonValue) value);
        case NULL -> out.writeNull();
        default -> out.writeNumber(((Number) value).longValue());
      }
    }

    @Override
    Object zero() {
      return switch (type) {
        case BOOL -> Boolean.FALSE;
        case NUMBER -> 0.0;
        case STR, ANY, NULL -> super.zero();
        default -> holder.box(0);
      };
    }

    @Override
    public String toString() {
      String name = type.name().toLowerCase(java.util.Locale.ROOT);
      return holder == type.holder ? name : name + ">" + holder.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final class Named extends ValueType {
    private final int number;

    Named(int number) {
      this.number = number;
    }

    @Override
    public Object read(NamedTypes types, JsonParser p, String path, String name) {
      return types.read(number, p, path, name);
    }

    @Override
    public void write(NamedTypes types, JsonGenerator out, Object value) {
      types.write(number, out, value);
    }

    @Override
    public String toString() {
      return Integer.toString(number);
    }
  }

  /**
   * A list. An error in an element names it by its path ({@code list[2]}), where QEMU's range and
   * enum errors say {@code null}.
   */
  private static final class ListOf extends ValueType {
    private final ValueType element;

    ListOf(ValueType element) {
      this.element = element;
    }

    @Override
    public Object read(NamedTypes types, JsonParser p, String path, String name) {
      Input.beginArray(p, path);
      List<Object> list = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        String at = Input.element(path, list.size());
        list.add(element.read(types, p, at, at));
      }
      return list;
    }

    @Override
    public void write(NamedTypes types, JsonGenerator out, Object value) {
      out.writeStartArray();
      for (Object e : (List<?>) value) {
        element.write(types, out, e);
      }
      out.writeEndArray();
    }

    @Override
    public String toString() {
      return "[" + element;
    }
  }
}
