package org.qapi4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
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

  /**
   * @param defined the configuration's symbols: members, enum values, branches and features whose
   *     {@code @If} fails do not exist on the wire
   */
  Marshalling(Schema schema, ClassName marshal, Set<String> defined) {
    this.byName = schema.byName();
    this.marshal = marshal;
    this.defined = Set.copyOf(defined);
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

  /** A member of an object on the wire, with the expression that reads it from a Java value. */
  record Flat(Member member, CodeBlock access) {}

  /** A struct's members as on the wire, its bases' first, each read from {@code value}. */
  List<Flat> flatten(StructDef s, CodeBlock value) {
    List<Flat> out = new ArrayList<>();
    if (s.base().isPresent() && definition(s.base().get()) instanceof StructDef base) {
      out.addAll(flatten(base, CodeBlock.of("$L.$L()", value, s.javaBase().orElseThrow())));
    }
    for (Member m : s.members()) {
      out.add(new Flat(m, CodeBlock.of("$L.$L()", value, m.javaName())));
    }
    return out;
  }

  /** Statements writing one object of flattened members to {@code out}, in QEMU's order. */
  CodeBlock writeObject(List<Flat> members, String owner) {
    Map<Member, CodeBlock> access = new java.util.IdentityHashMap<>();
    members.forEach(f -> access.put(f.member(), f.access()));
    return CodeBlock.builder()
        .addStatement("out.writeStartObject()")
        .add(writeMembers(members.stream().map(Flat::member).toList(), "out", owner, access::get, true))
        .addStatement("out.writeEndObject()")
        .build();
  }

  /** {@code new S(new Base(...), own...)} from the locals the flattened members were read into. */
  CodeBlock construct(StructDef s, Map<Member, String> locals) {
    List<CodeBlock> args = new ArrayList<>();
    if (s.base().isPresent() && definition(s.base().get()) instanceof StructDef base) {
      args.add(construct(base, locals));
    }
    for (Member m : s.members()) {
      args.add(CodeBlock.of("$L", locals.get(m)));
    }
    return CodeBlock.of("new $T($L)", Poet.typeName(s.javaType().orElseThrow()), CodeBlock.join(args, ", "));
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
    Definition d = definition(type.qapiName());
    if (type instanceof TypeRef.Array || d instanceof org.qapi4j.model.EnumDef || d instanceof org.qapi4j.model.AlternateDef) {
      return CodeBlock.of("$T.$L($L, $L, $L)", marshal, readerName(type), parser, path, name);
    }
    return CodeBlock.of("$T.$L($L, $L)", marshal, readerName(type), parser, path);
  }

  /** Statements writing {@code value} (an expression of the member's Java type) to {@code out}. */
  CodeBlock write(TypeRef type, String out, CodeBlock value) {
    java.util.Optional<Builtin> builtin = Builtin.byName(type.qapiName());
    if (type instanceof TypeRef.Named && builtin.isPresent()) {
      return switch (builtin.get()) {
        case STR -> CodeBlock.of("$L.writeString($L);\n", out, value);
        case BOOL -> CodeBlock.of("$L.writeBoolean($L);\n", out, value);
        case NUMBER -> CodeBlock.of("$T.number($L, $L);\n", Poet.OUTPUT, out, value);
        case UINT64, SIZE -> CodeBlock.of("$T.uint64($L, $L);\n", Poet.OUTPUT, out, value);
        case INT, INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32 ->
            CodeBlock.of("$L.writeNumber($L);\n", out, value);
        case ANY -> CodeBlock.of("$T.any($L, $L);\n", Poet.OUTPUT, out, value);
        case NULL -> CodeBlock.of("$L.writeNull();\n", out);
      };
    }
    return CodeBlock.of("$T.$L($L, $L);\n", marshal, writerName(type), out, value);
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
      Function<Member, CodeBlock> access,
      boolean checkNulls) {
    CodeBlock.Builder code = CodeBlock.builder();
    List<String> order =
        WireOrder.of(members.stream().filter(m -> exists(m.condition())).map(Member::name).toList());
    for (String wireName : order) {
      Member m = members.stream().filter(x -> x.name().equals(wireName)).findFirst().orElseThrow();
      CodeBlock value = access.apply(m);
      int features = specialFeatures(m.features());
      CodeBlock shown = CodeBlock.of("!$T.hidden($L)", Poet.COMPAT, featureBits(features));
      if (m.optional()) {
        if (features == 0) {
          code.beginControlFlow("if ($L != null)", value);
        } else {
          code.beginControlFlow("if ($L != null && $L)", value, shown);
        }
        code.addStatement("$L.writeName($S)", out, m.name());
        code.add(write(m.type(), out, value));
        code.endControlFlow();
      } else if (features != 0) {
        // -compat deprecated-output=hide / unstable-output=hide leaves it out.
        code.beginControlFlow("if ($L)", shown);
        code.addStatement("$L.writeName($S)", out, m.name());
        code.add(write(m.type(), out, value));
        code.endControlFlow();
      } else {
        code.addStatement("$L.writeName($S)", out, m.name());
        CodeBlock checked =
            m.javaType().isPrimitive() || !checkNulls
                ? value
                : CodeBlock.of("$T.requireNonNull($L, $S)", Poet.OBJECTS, value, owner + "." + m.javaName());
        code.add(write(m.type(), out, checked));
      }
    }
    return code.build();
  }

  /**
   * Statements reading the members of an object into locals, QEMU's way: every member read as it
   * arrives, the first problem in declaration order reported, an unknown member reported only if
   * nothing else is wrong. {@code parser} must be on the object's {@code START_OBJECT}.
   *
   * @return the local variable of each member, in declaration order
   */
  List<String> readMembers(
      CodeBlock.Builder code,
      List<Member> members,
      String parser,
      Function<Member, CodeBlock> pathOf,
      CodeBlock objectPath,
      NameAllocator names) {
    return readMembers(code, members, parser, pathOf, objectPath, names, false);
  }

  /** As above; {@code lenient} skips unknown members without complaint (a union's first look at its base). */
  List<String> readMembers(
      CodeBlock.Builder code,
      List<Member> members,
      String parser,
      Function<Member, CodeBlock> pathOf,
      CodeBlock objectPath,
      NameAllocator names,
      boolean lenient) {
    List<String> locals = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Member m : members) {
      String local = names.newName(m.javaName());
      locals.add(local);
      TypeName type = Poet.typeName(m.javaType());
      code.addStatement("$T $L = $L", type, local, defaultValue(type));
      if (!m.optional() && exists(m.condition())) {
        String flag = names.newName("has" + Character.toUpperCase(m.javaName().charAt(0)) + m.javaName().substring(1));
        seen.add(flag);
        code.addStatement("boolean $L = false", flag);
      } else {
        seen.add(null);
      }
    }
    String errors = names.newName("errors");
    String depth = names.newName("depth");
    code.addStatement("$T $L = new $T()", Poet.MEMBER_ERRORS, errors, Poet.MEMBER_ERRORS);
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      int features = specialFeatures(m.features());
      if (!m.optional() && features != 0 && exists(m.condition())) {
        // QEMU refuses a mandatory member with special features whether or not it is there.
        code.addStatement("$L.policy($L, $L, $S)", errors, i, featureBits(features), m.name());
      }
    }
    code.addStatement("int $L = $L.streamReadContext().getNestingDepth()", depth, parser);
    code.beginControlFlow("while ($L.nextToken() == $T.PROPERTY_NAME)", parser, Poet.JSON_TOKEN);
    String key = names.newName("key");
    String caught = names.newName("e");
    code.addStatement("String $L = $L.currentName()", key, parser);
    code.addStatement("$L.nextToken()", parser);
    code.beginControlFlow("switch ($L)", key);
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      if (!exists(m.condition())) {
        continue; // not in this configuration: unexpected, and its Java value stays the default
      }
      code.add("case $S -> {\n", m.name()).indent();
      code.addStatement("$L.present($L, $L)", errors, i, key);
      int features = specialFeatures(m.features());
      if (m.optional() && features != 0) {
        code.addStatement("$L.policy($L, $L, $S)", errors, i, featureBits(features), m.name());
      }
      if (seen.get(i) != null) {
        code.addStatement("$L = true", seen.get(i));
      }
      code.beginControlFlow("try");
      CodeBlock value = read(m.type(), parser, pathOf.apply(m), CodeBlock.of("$S", m.name()));
      code.addStatement("$L = $L", locals.get(i), boxed(m, value));
      code.nextControlFlow("catch ($T $L)", Poet.QMP_ERROR, caught);
      code.addStatement("$L.invalid($L, $L)", errors, i, caught);
      code.addStatement("$T.skipRest($L, $L)", Poet.INPUT, parser, depth);
      code.endControlFlow();
      code.unindent().add("}\n");
    }
    code.add("default -> {\n").indent();
    if (!lenient) {
      code.addStatement("$L.unexpected($L)", errors, key);
    }
    code.addStatement("$L.skipChildren()", parser);
    code.unindent().add("}\n");
    code.endControlFlow();
    code.endControlFlow();
    for (int i = 0; i < members.size(); i++) {
      if (seen.get(i) != null) {
        code.beginControlFlow("if (!$L)", seen.get(i));
        code.addStatement("$L.missing($L, $L)", errors, i, pathOf.apply(members.get(i)));
        code.endControlFlow();
      }
    }
    code.addStatement("$L.check($L)", errors, objectPath);
    return locals;
  }

  /**
   * An integer read into a box of another width ({@code Integer} for a {@code uint8}, which reads
   * as {@code short}) must be boxed explicitly; primitives widen by themselves.
   */
  private static CodeBlock boxed(Member m, CodeBlock value) {
    TypeName type = Poet.typeName(m.javaType());
    if (type.isBoxedPrimitive() && m.type() instanceof TypeRef.Named
        && Builtin.byName(m.type().qapiName()).filter(Builtin::isInteger).isPresent()) {
      return CodeBlock.of("$T.valueOf($L)", type, value);
    }
    return value;
  }

  private static CodeBlock defaultValue(TypeName type) {
    if (type.isPrimitive()) {
      return type == TypeName.BOOLEAN ? CodeBlock.of("false") : CodeBlock.of("0");
    }
    return CodeBlock.of("null");
  }
}
