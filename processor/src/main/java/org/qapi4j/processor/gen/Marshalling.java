package org.qapi4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qapi4j.model.Builtin;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.Feature;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;

/**
 * The code that moves one value between JSON and Java: an expression that reads it from a parser,
 * statements that write it to a generator (a command's result, an alternate's variant, a boxed
 * event's data; objects' members go through {@link Tables}). Named types go through the schema's
 * {@code <Root>_Marshal} class; built-ins call {@code org.qapi4j.runtime.marshal}.
 */
final class Marshalling {
  /** The special feature {@code deprecated} as a bit: {@code CompatPolicy.DEPRECATED} of the runtime. */
  static final int DEPRECATED = 1;
  /** The special feature {@code unstable} as a bit: {@code CompatPolicy.UNSTABLE} of the runtime. */
  static final int UNSTABLE = 2;

  private final Map<String, Definition> byName;
  private final ClassName marshal;
  private final Set<String> defined;
  /** True for the code of the {@code _Marshal} class itself, which calls its readers and writers unqualified. */
  private final boolean local;

  /**
   * @param defined the configuration's symbols: members, enum values, branches and features whose
   *     {@code @If} fails do not exist on the wire
   * @param local true for code inside the {@code marshal} class
   */
  Marshalling(Schema schema, ClassName marshal, Set<String> defined, boolean local) {
    this.byName = schema.byName();
    this.marshal = marshal;
    this.defined = Set.copyOf(defined);
    this.local = local;
    marshalFields.of("TYPES"); // the class's NamedTypes
    for (Definition d : schema.definitions()) {
      if (d instanceof org.qapi4j.model.EnumDef) {
        enumFields.put(d.name(), marshalFields.of(d.name()));
      }
    }
  }

  /**
   * The names of the {@code _Marshal} class's static fields, the enums' first (in definition
   * order, so that every generator finds the same names).
   */
  private final Tables.FieldNames marshalFields = new Tables.FieldNames();
  /** The {@code EnumType} constant of each enum, in the {@code _Marshal} class. */
  private final Map<String, String> enumFields = new java.util.HashMap<>();

  /** The names of the {@code _Marshal} class's static fields, with the enums' taken. */
  Tables.FieldNames marshalFields() {
    return marshalFields;
  }

  /** The {@code EnumType} constant of an enum, in the {@code _Marshal} class. */
  String enumField(String qapiName) {
    return enumFields.get(qapiName);
  }

  /** True if the condition holds in this configuration. */
  boolean exists(Condition condition) {
    return condition.holds(defined);
  }

  /** The special features among these, as {@code CompatPolicy} bits; features whose condition fails do not count. */
  int specialFeatures(List<Feature> features) {
    int bits = 0;
    for (Feature f : features) {
      if (exists(f.condition())) {
        bits |= f.name().equals(Feature.DEPRECATED) ? DEPRECATED : f.name().equals(Feature.UNSTABLE) ? UNSTABLE : 0;
      }
    }
    return bits;
  }

  /** The expression of a set of special features: {@code CompatPolicy.DEPRECATED | CompatPolicy.UNSTABLE}. */
  static CodeBlock featureBits(int bits) {
    List<CodeBlock> parts = new ArrayList<>();
    if ((bits & DEPRECATED) != 0) {
      parts.add(CodeBlock.of("$T.DEPRECATED", Poet.COMPAT_POLICY));
    }
    if ((bits & UNSTABLE) != 0) {
      parts.add(CodeBlock.of("$T.UNSTABLE", Poet.COMPAT_POLICY));
    }
    return parts.isEmpty() ? CodeBlock.of("0") : CodeBlock.join(parts, " | ");
  }

  ClassName marshalClass() {
    return marshal;
  }

  /**
   * A member of an object on the wire, with the Java expression that reads it from a Java value
   * (plain text: accessor calls on locals, no type names).
   */
  record Flat(Member member, String access) {}

  /** A struct's members as on the wire, its bases' first, each read from {@code value}. */
  List<Flat> flatten(StructDef s, String value) {
    List<Flat> out = new ArrayList<>();
    if (s.base().isPresent() && definition(s.base().get()) instanceof StructDef base) {
      out.addAll(flatten(base, value + "." + s.javaBase().orElseThrow() + "()"));
    }
    for (Member m : s.members()) {
      out.add(new Flat(m, value + "." + m.javaName() + "()"));
    }
    return out;
  }

  /**
   * The members a command's or event's method takes one by one, each bound to its parameter: the
   * implicit struct's of inline members; or, for a named struct's members declared one by one
   * ({@code data = S.class}), {@code S}'s, its bases' first, with the Java names and types of the
   * parameters that declare them ({@code dataParameters}, which the checks have matched to them).
   */
  List<Member> parameters(StructDef data, java.util.Optional<List<Member>> dataParameters) {
    if (data.implicit()) {
      return data.members();
    }
    List<Member> declared = dataParameters.orElseThrow(
        () -> new IllegalArgumentException("no parameters declare the members of " + data.name()));
    List<Member> members = new ArrayList<>();
    for (StructDef s = data; s != null; ) {
      members.addAll(0, s.members());
      s = s.base().map(this::definition).orElse(null) instanceof StructDef base ? base : null;
    }
    List<Member> out = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      Member p = declared.get(i);
      out.add(new Member(m.name(), m.type(), m.optional(), m.features(), m.condition(), m.origin(), p.javaName(),
          p.javaType()));
    }
    return out;
  }

  /** A Java string literal. */
  static String literal(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  Definition definition(String qapiName) {
    return byName.get(qapiName);
  }

  /** The Java type a named type is bound to (a record, an enum, a sealed interface); none for others. */
  static java.util.Optional<org.qapi4j.model.JavaType> javaType(Definition d) {
    if (d instanceof StructDef s) {
      return s.javaType();
    } else if (d instanceof org.qapi4j.model.UnionDef u) {
      return u.javaType();
    } else if (d instanceof org.qapi4j.model.AlternateDef a) {
      return a.javaType();
    } else if (d instanceof org.qapi4j.model.EnumDef e) {
      return e.javaType();
    }
    return java.util.Optional.empty();
  }

  static String readerName(TypeRef type) {
    return "read" + Poet.identifier(type.qapiName());
  }

  static String writerName(TypeRef type) {
    return "write" + Poet.identifier(type.qapiName());
  }

  /**
   * An expression reading a value of {@code type} from {@code parser}, which is on the value's
   * first token. {@code path} is QEMU's full name of the value, {@code name} what its range and
   * enum errors print.
   */
  CodeBlock read(TypeRef type, String parser, CodeBlock path, CodeBlock name) {
    java.util.Optional<Builtin> builtin = Builtin.byName(type.qapiName());
    if (type instanceof TypeRef.Named && builtin.isPresent()) {
      return switch (builtin.get()) {
        case STR -> CodeBlock.of("$T.str($L, $L)", Poet.INPUT, parser, path);
        case BOOL -> CodeBlock.of("$T.bool($L, $L)", Poet.INPUT, parser, path);
        case NUMBER -> CodeBlock.of("$T.number($L, $L)", Poet.INPUT, parser, path);
        case INT, INT64 -> CodeBlock.of("$T.int64($L, $L)", Poet.INPUT, parser, path);
        case INT8, INT16, INT32, UINT8, UINT16, UINT32, UINT64 ->
            CodeBlock.of("$T.$L($L, $L, $L)", Poet.INPUT, builtin.get().qapiName(), parser, path, name);
        case SIZE -> CodeBlock.of("$T.uint64($L, $L, $L)", Poet.INPUT, parser, path, name);
        case ANY -> CodeBlock.of("$T.any($L)", Poet.INPUT, parser);
        case NULL -> CodeBlock.of("$T.qnull($L, $L)", Poet.INPUT, parser, path);
      };
    }
    String enumField = enumField(type.qapiName());
    if (enumField != null) {
      return local
          ? CodeBlock.of("$L.read($L, $L, $L)", enumField, parser, path, name)
          : CodeBlock.of("$T.$L.read($L, $L, $L)", marshal, enumField, parser, path, name);
    }
    CodeBlock reader = local ? CodeBlock.of("$L", readerName(type)) : CodeBlock.of("$T.$L", marshal, readerName(type));
    if (takesName(type)) {
      return CodeBlock.of("$L($L, $L, $L)", reader, parser, path, name);
    }
    return CodeBlock.of("$L($L, $L)", reader, parser, path);
  }

  /** True if the reader of a named type or array takes the name its errors print. */
  private boolean takesName(TypeRef type) {
    Definition d = definition(type.qapiName());
    return type instanceof TypeRef.Array || d instanceof org.qapi4j.model.EnumDef || d instanceof org.qapi4j.model.AlternateDef;
  }

  /** Statements writing {@code value} (an expression of the member's Java type) to {@code out}. */
  CodeBlock write(TypeRef type, String out, String value) {
    String text = writeText(type, out, value);
    if (text != null) {
      return CodeBlock.of("$L", text + "\n");
    }
    java.util.Optional<Builtin> builtin = Builtin.byName(type.qapiName());
    if (type instanceof TypeRef.Named && builtin.isPresent()) {
      return switch (builtin.get()) {
        case NUMBER -> CodeBlock.of("$T.number($L, $L);\n", Poet.OUTPUT, out, value);
        case UINT64, SIZE -> CodeBlock.of("$T.uint64($L, $L);\n", Poet.OUTPUT, out, value);
        case ANY -> CodeBlock.of("$T.any($L, $L);\n", Poet.OUTPUT, out, value);
        default -> throw new AssertionError(type);
      };
    }
    String enumField = enumField(type.qapiName());
    if (enumField != null) {
      return CodeBlock.of("$T.$L.write($L, $L);\n", marshal, enumField, out, value);
    }
    return CodeBlock.of("$T.$L($L, $L);\n", marshal, writerName(type), out, value);
  }

  /** The statement writing {@code value}, as text; null where it names a type. */
  private String writeText(TypeRef type, String out, String value) {
    java.util.Optional<Builtin> builtin = Builtin.byName(type.qapiName());
    if (type instanceof TypeRef.Named && builtin.isPresent()) {
      return switch (builtin.get()) {
        case STR -> out + ".writeString(" + value + ");";
        case BOOL -> out + ".writeBoolean(" + value + ");";
        case INT, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32 -> out + ".writeNumber(" + value + ");";
        case NULL -> out + ".writeNull();";
        case NUMBER, UINT64, SIZE, ANY -> null;
      };
    }
    if (!local) {
      return null;
    }
    String enumField = enumField(type.qapiName());
    return enumField != null
        ? enumField + ".write(" + out + ", " + value + ");"
        : writerName(type) + "(" + out + ", " + value + ");";
  }

  /** The primitive type the runtime's reader of an integer type returns. */
  static TypeName readsAs(Builtin integer) {
    return switch (integer) {
      case INT32, UINT16 -> TypeName.INT;
      case INT16, UINT8 -> TypeName.SHORT;
      case INT8 -> TypeName.BYTE;
      default -> TypeName.LONG;
    };
  }
}
