package org.qapi4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.qapi4j.model.Builtin;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.Feature;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.WireOrder;

/**
 * The code that moves one value between JSON and Java: an expression that reads it from a parser,
 * statements that write it to a generator. Named types go through the schema's
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

  /*
   * Speed: the generated code is compiled with every schema (QEMU's has some 3,500 members), and
   * JavaPoet's cost is per token it emits, so each member's line is built as one piece of text
   * where it names no type: locals, member names, and the _Marshal class's own methods.
   */

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

  /** Statements writing one object of flattened members to {@code out}, in QEMU's order. */
  CodeBlock writeObject(List<Flat> members, String owner) {
    Map<Member, String> access = new java.util.IdentityHashMap<>();
    members.forEach(f -> access.put(f.member(), f.access()));
    return CodeBlock.builder()
        .addStatement("out.writeStartObject()")
        .add(writeMembers(members.stream().map(Flat::member).toList(), "out", owner, access::get, true))
        .addStatement("out.writeEndObject()")
        .build();
  }

  /** {@code new S(new Base(...), own...)} from the locals the flattened members were read into. */
  CodeBlock construct(StructDef s, Map<Member, String> locals) {
    String own = String.join(", ", s.members().stream().map(locals::get).toList());
    TypeName type = Poet.typeName(s.javaType().orElseThrow());
    if (s.base().isPresent() && definition(s.base().get()) instanceof StructDef base) {
      CodeBlock baseValue = construct(base, locals);
      return own.isEmpty()
          ? CodeBlock.of("new $T($L)", type, baseValue)
          : CodeBlock.of("new $T($L, $L)", type, baseValue, own);
    }
    return CodeBlock.of("new $T($L)", type, own);
  }

  Definition definition(String qapiName) {
    return byName.get(qapiName);
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

  /**
   * The text of an expression reading member number {@code index} with the object reader
   * {@code r}, or null where that needs a type name (then {@link #read} builds it).
   */
  private String readText(TypeRef type, String parser, String r, int index, String name) {
    java.util.Optional<Builtin> builtin = Builtin.byName(type.qapiName());
    if (type instanceof TypeRef.Named && builtin.isPresent()) {
      String method = switch (builtin.get()) {
        case INT -> "int64";
        case SIZE -> "uint64";
        case NULL -> "qnull";
        default -> builtin.get().qapiName();
      };
      return r + "." + method + "(" + index + ")";
    }
    if (!local) {
      return null;
    }
    String at = r + ".at(" + index + ")";
    return readerName(type) + "(" + parser + ", " + at + (takesName(type) ? ", " + literal(name) : "") + ")";
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
    return local ? writerName(type) + "(" + out + ", " + value + ");" : null;
  }

  /**
   * Lines of code that name no type, gathered into one token until {@link #flush} (before code that
   * does, which goes to the builder directly). The lines are indented relative to the builder's
   * indentation, two spaces a level, as JavaPoet indents.
   */
  static final class Lines {
    private final CodeBlock.Builder code;
    private final StringBuilder text = new StringBuilder();

    Lines(CodeBlock.Builder code) {
      this.code = code;
    }

    Lines add(String line) {
      text.append(line).append('\n');
      return this;
    }

    /** The builder, with the gathered lines added. */
    CodeBlock.Builder flush() {
      if (text.length() > 0) {
        code.add("$L", text.toString());
        text.setLength(0);
      }
      return code;
    }
  }

  /**
   * Statements writing the members of an object, in the order QEMU prints them; {@code access}
   * gives the expression of each member's value. Optional members are left out when null; with
   * {@code checkNulls}, a null mandatory member fails with a message naming {@code owner}.
   */
  CodeBlock writeMembers(
      List<Member> members,
      String out,
      String owner,
      Function<Member, String> access,
      boolean checkNulls) {
    CodeBlock.Builder code = CodeBlock.builder();
    Lines lines = new Lines(code);
    List<String> order =
        WireOrder.of(members.stream().filter(m -> exists(m.condition())).map(Member::name).toList());
    Map<String, Member> byWireName = new java.util.HashMap<>();
    members.forEach(m -> byWireName.putIfAbsent(m.name(), m));
    for (String wireName : order) {
      Member m = byWireName.get(wireName);
      String value = access.apply(m);
      int features = specialFeatures(m.features());
      String writeName = out + ".writeName(" + literal(m.name()) + ");";
      if (m.optional() || features != 0) {
        String text = writeText(m.type(), out, value);
        if (features == 0 && text != null) {
          lines.add("if (" + value + " != null) {").add("  " + writeName).add("  " + text).add("}");
          continue;
        }
        lines.flush();
        if (features == 0) {
          code.beginControlFlow("$L", "if (" + value + " != null)");
        } else {
          // -compat deprecated-output=hide / unstable-output=hide leaves it out.
          CodeBlock shown = CodeBlock.of("!$T.hidden($L)", Poet.COMPAT, featureBits(features));
          if (m.optional()) {
            code.beginControlFlow("if ($L != null && $L)", value, shown);
          } else {
            code.beginControlFlow("if ($L)", shown);
          }
        }
        code.add("$L\n", writeName);
        code.add(write(m.type(), out, value));
        code.endControlFlow();
      } else {
        String checked =
            m.javaType().isPrimitive() || !checkNulls
                ? value
                : "nonNull(" + value + ", " + literal(owner + "." + m.javaName()) + ")";
        String text = writeText(m.type(), out, checked);
        lines.add(writeName);
        if (text != null) {
          lines.add(text);
        } else {
          lines.flush().add(write(m.type(), out, checked));
        }
      }
    }
    lines.flush();
    return code.build();
  }

  /**
   * The helper the {@code _Marshal} class's writers call for a mandatory member ({@link
   * #writeMembers} with {@code checkNulls}): a null fails with the member's name.
   */
  static com.palantir.javapoet.MethodSpec nonNullHelper() {
    com.palantir.javapoet.TypeVariableName t = com.palantir.javapoet.TypeVariableName.get("T");
    return com.palantir.javapoet.MethodSpec.methodBuilder("nonNull")
        .addJavadoc("A mandatory member's value, which must not be null.\n")
        .addModifiers(javax.lang.model.element.Modifier.PRIVATE, javax.lang.model.element.Modifier.STATIC)
        .addTypeVariable(t)
        .returns(t)
        .addParameter(t, "value")
        .addParameter(String.class, "member")
        .addStatement("return $T.requireNonNull(value, member)", Poet.OBJECTS)
        .build();
  }

  /**
   * Statements reading the members of an object into locals, QEMU's way: every member read as it
   * arrives, the first problem in declaration order reported, an unknown member reported only if
   * nothing else is wrong. {@code parser} must be on the object's {@code START_OBJECT}.
   *
   * @return the local variable of each member, in declaration order
   */
  List<String> readMembers(
      CodeBlock.Builder code, List<Member> members, String parser, CodeBlock objectPath, LocalNames names) {
    return readMembers(code, members, parser, objectPath, names, false);
  }

  /**
   * As above; {@code lenient} skips unknown members without complaint (a union's first look at its
   * base). The code is one line per member, the bookkeeping in the runtime's {@code ObjectReader}:
   * generated code is compiled with every schema, so each line counts (QEMU's schema has some 3,500
   * members).
   */
  List<String> readMembers(
      CodeBlock.Builder code,
      List<Member> members,
      String parser,
      CodeBlock objectPath,
      LocalNames names,
      boolean lenient) {
    List<String> locals = new ArrayList<>();
    Lines lines = new Lines(code);
    for (Member m : members) {
      String local = names.newName(m.javaName());
      locals.add(local);
      TypeName type = Poet.typeName(m.javaType());
      if (type.isPrimitive()) {
        lines.add(type + " " + local + " = " + (type == TypeName.BOOLEAN ? "false" : "0") + ";");
      } else {
        lines.flush().add("$T $L\n", type, local + " = null;");
      }
    }
    lines.flush();
    String r = names.newName("r");
    String caught = names.newName("e");
    code.addStatement("$T $L = new $T($L, $L)", Poet.OBJECT_READER, r, Poet.OBJECT_READER, parser, objectPath);
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      int features = specialFeatures(m.features());
      if (!m.optional() && features != 0 && exists(m.condition())) {
        // QEMU refuses a mandatory member with special features whether or not it is there.
        code.addStatement("$L.policy($L, $L, $S)", r, i, featureBits(features), m.name());
      }
    }
    code.beginControlFlow("while ($L.next())", r);
    code.beginControlFlow("try");
    code.beginControlFlow("switch ($L.key())", r);
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      if (!exists(m.condition())) {
        continue; // not in this configuration: unexpected, and its Java value stays the default
      }
      int features = specialFeatures(m.features());
      String text = m.optional() && features != 0 || needsBox(m) ? null : readText(m.type(), parser, r, i, m.name());
      if (text != null) {
        lines.add("case " + literal(m.name()) + " -> " + locals.get(i) + " = " + text + ";");
        continue;
      }
      lines.flush();
      if (m.optional() && features != 0) {
        code.add("case $S -> {\n$>$L.policy($L, $L, $S);\n", m.name(), r, i, featureBits(features), m.name());
      } else {
        code.add("case $S -> {\n$>", m.name());
      }
      CodeBlock value = read(m.type(), parser, CodeBlock.of("$L.at($L)", r, i), CodeBlock.of("$S", m.name()));
      code.addStatement("$L = $L", locals.get(i), boxed(m, value));
      code.add("$<}\n");
    }
    lines.add("default -> " + r + "." + (lenient ? "skip" : "unexpected") + "();").flush();
    code.endControlFlow();
    code.nextControlFlow("catch ($T $L)", Poet.QMP_ERROR, caught);
    code.addStatement("$L.invalid($L)", r, caught);
    code.endControlFlow();
    code.endControlFlow();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      if (!m.optional() && exists(m.condition())) {
        lines.add(r + ".require(" + i + ", " + literal(m.name()) + ");");
      }
    }
    lines.add(r + ".check();").flush();
    return locals;
  }

  /**
   * An integer read into a box of another width ({@code Integer} for a {@code uint8}, which reads
   * as {@code short}) must be boxed explicitly; primitives widen by themselves.
   */
  private static CodeBlock boxed(Member m, CodeBlock value) {
    return needsBox(m) ? CodeBlock.of("$T.valueOf($L)", Poet.typeName(m.javaType()), value) : value;
  }

  private static boolean needsBox(Member m) {
    TypeName type = Poet.typeName(m.javaType());
    if (!type.isBoxedPrimitive() || !(m.type() instanceof TypeRef.Named)) {
      return false;
    }
    java.util.Optional<Builtin> builtin = Builtin.byName(m.type().qapiName()).filter(Builtin::isInteger);
    return builtin.isPresent() && !type.unbox().equals(readsAs(builtin.get()));
  }

  /** The primitive type the runtime's reader of an integer type returns. */
  private static TypeName readsAs(Builtin integer) {
    return switch (integer) {
      case INT32, UINT16 -> TypeName.INT;
      case INT16, UINT8 -> TypeName.SHORT;
      case INT8 -> TypeName.BYTE;
      default -> TypeName.LONG;
    };
  }
}
