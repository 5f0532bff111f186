package org.qapi4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.qapi4j.model.Builtin;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.AlternateDef;

/**
 * Generates {@code <Root>_Marshal}: a reader and a writer for every struct, enum and array type of
 * the schema, on Jackson's streaming API.
 */
public final class MarshalGenerator {
  private final Schema schema;
  private final Marshalling marshalling;

  public MarshalGenerator(Schema schema) {
    this(schema, java.util.Set.of());
  }

  /**
   * Readers and writers for the configuration with {@code defined} symbols: a member, enum value or
   * branch whose {@code @If} fails is not on the wire.
   */
  public MarshalGenerator(Schema schema, java.util.Set<String> defined) {
    this.schema = schema;
    this.marshalling = new Marshalling(schema, className(schema), defined, true);
  }

  public static ClassName className(Schema schema) {
    return Poet.sibling(schema.javaRoot().orElseThrow(), "_Marshal");
  }

  public TypeSpec generate() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(marshalling.marshalClass())
            .addAnnotation(Poet.generated(schema.name()))
            .addAnnotation(Poet.suppressDeprecation())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Readers and writers of the types of QAPI schema {@code $L}, QEMU's wire format on"
                    + " Jackson's\nstreaming API. Readers report input errors with QEMU's texts;"
                    + " writers print members in\nQEMU's order.\n",
                schema.name())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
            .addMethod(Marshalling.nonNullHelper());
    for (Definition d : schema.definitions()) {
      if (d instanceof StructDef s && !s.implicit()) {
        type.addMethod(readStruct(s));
        type.addMethod(writeStruct(s));
      } else if (d instanceof EnumDef e) {
        type.addMethod(readEnum(e));
        type.addMethod(writeEnum(e));
      } else if (d instanceof UnionDef u) {
        new UnionGenerator(marshalling, this::javaType).generate(u).forEach(type::addMethod);
      } else if (d instanceof AlternateDef a) {
        new UnionGenerator(marshalling, this::javaType).generate(a).forEach(type::addMethod);
      }
    }
    for (TypeRef.Array array : arrays().values()) {
      type.addMethod(readArray(array));
      type.addMethod(writeArray(array));
    }
    return type.build();
  }

  /** Every array type the schema uses, in order of first use. */
  private Map<String, TypeRef.Array> arrays() {
    Map<String, TypeRef.Array> arrays = new LinkedHashMap<>();
    for (Definition d : schema.definitions()) {
      if (d instanceof StructDef s) {
        for (Member m : s.members()) {
          if (m.type() instanceof TypeRef.Array a) {
            arrays.putIfAbsent(a.qapiName(), a);
          }
        }
      } else if (d instanceof CommandDef c && c.returns().orElse(null) instanceof TypeRef.Array a) {
        arrays.putIfAbsent(a.qapiName(), a);
      } else if (d instanceof AlternateDef alt) {
        for (org.qapi4j.model.Variant v : alt.variants()) {
          if (v.type() instanceof TypeRef.Array a) {
            arrays.putIfAbsent(a.qapiName(), a);
          }
        }
      }
    }
    return arrays;
  }

  TypeName javaType(TypeRef type) {
    if (type instanceof TypeRef.Array a) {
      return ParameterizedTypeName.get(Poet.LIST, javaType(a.element()).box());
    }
    Optional<Builtin> builtin = Builtin.byName(type.qapiName());
    if (builtin.isPresent()) {
      return switch (builtin.get()) {
        case STR -> ClassName.get(String.class);
        case BOOL -> ClassName.get(Boolean.class);
        case NUMBER -> ClassName.get(Double.class);
        case INT, INT64, UINT32, UINT64, SIZE -> ClassName.get(Long.class);
        case INT32, UINT16 -> ClassName.get(Integer.class);
        case INT16, UINT8 -> ClassName.get(Short.class);
        case INT8 -> ClassName.get(Byte.class);
        case ANY -> ClassName.get("org.qapi4j.runtime.json", "JsonValue");
        case NULL -> throw new IllegalStateException("not yet supported: " + type);
      };
    }
    Definition d = marshalling.definition(type.qapiName());
    if (d instanceof StructDef s) {
      return Poet.typeName(s.javaType().orElseThrow());
    }
    if (d instanceof UnionDef u) {
      return Poet.typeName(u.javaType().orElseThrow());
    }
    if (d instanceof AlternateDef a) {
      return Poet.typeName(a.javaType().orElseThrow());
    }
    return Poet.typeName(((EnumDef) d).javaType().orElseThrow());
  }

  private MethodSpec readStruct(StructDef s) {
    TypeName type = javaType(TypeRef.named(s.name()));
    LocalNames names = new LocalNames();
    names.newName("p");
    names.newName("path");
    CodeBlock.Builder code = CodeBlock.builder();
    code.addStatement("$T.beginObject(p, path)", Poet.INPUT);
    List<Member> members = marshalling.flatten(s, "value").stream().map(Marshalling.Flat::member).toList();
    List<String> locals =
        marshalling.readMembers(code, members, "p", CodeBlock.of("path"), names);
    Map<Member, String> byMember = new java.util.IdentityHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      byMember.put(members.get(i), locals.get(i));
    }
    code.addStatement("return $L", marshalling.construct(s, byMember));
    return MethodSpec.methodBuilder(Marshalling.readerName(TypeRef.named(s.name())))
        .addJavadoc("$L", "Reads struct {@code " + s.name() + "}; {@code p} is on its first token.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(type)
        .addParameter(Poet.JSON_PARSER, "p")
        .addParameter(String.class, "path")
        .addCode(code.build())
        .build();
  }

  private MethodSpec writeStruct(StructDef s) {
    TypeName type = javaType(TypeRef.named(s.name()));
    CodeBlock code = marshalling.writeObject(marshalling.flatten(s, "value"), s.name());
    return MethodSpec.methodBuilder(Marshalling.writerName(TypeRef.named(s.name())))
        .addJavadoc("$L", "Writes struct {@code " + s.name() + "}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(Poet.JSON_GENERATOR, "out")
        .addParameter(type, "value")
        .addCode(code)
        .build();
  }

  private MethodSpec readEnum(EnumDef e) {
    TypeName type = javaType(TypeRef.named(e.name()));
    CodeBlock.Builder code = CodeBlock.builder();
    code.addStatement("String value = $T.str(p, path)", Poet.INPUT);
    List<EnumValue> values = e.values().stream().filter(v -> marshalling.exists(v.condition())).toList();
    if (values.isEmpty()) {
      code.addStatement("throw $T.badEnumValue(name, value)", Poet.INPUT);
    } else {
      code.add("return switch (value) {\n").indent();
      for (EnumValue v : values) {
        int features = marshalling.specialFeatures(v.features());
        if (features == 0) {
          code.add("case $S -> $T.$L;\n", v.name(), type, v.javaName());
        } else {
          code.add("case $S -> $T.value($L, $S, $T.$L);\n", v.name(), Poet.COMPAT,
              Marshalling.featureBits(features), v.name(), type, v.javaName());
        }
      }
      code.add("default -> throw $T.badEnumValue(name, value);\n", Poet.INPUT);
      code.unindent().add("};\n");
    }
    return MethodSpec.methodBuilder(Marshalling.readerName(TypeRef.named(e.name())))
        .addJavadoc("$L", "Reads enum {@code " + e.name() + "}; {@code name} is what QEMU's error prints.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(type)
        .addParameter(Poet.JSON_PARSER, "p")
        .addParameter(String.class, "path")
        .addParameter(String.class, "name")
        .addCode(code.build())
        .build();
  }

  private MethodSpec writeEnum(EnumDef e) {
    TypeName type = javaType(TypeRef.named(e.name()));
    CodeBlock.Builder code = CodeBlock.builder();
    if (e.values().isEmpty()) {
      code.addStatement("throw new $T(value + \" has no wire name\")", IllegalArgumentException.class);
    } else {
      code.add("out.writeString(\n").indent().indent();
      code.add("switch (value) {\n").indent();
      List<String> absent = new java.util.ArrayList<>();
      Marshalling.Lines lines = new Marshalling.Lines(code);
      for (EnumValue v : e.values()) {
        if (marshalling.exists(v.condition())) {
          lines.add("case " + v.javaName() + " -> " + Marshalling.literal(v.name()) + ";");
        } else {
          absent.add(v.javaName());
        }
      }
      lines.flush();
      if (!absent.isEmpty()) {
        code.add("case $L -> throw $T.absent($S, value);\n", String.join(", ", absent), Poet.OUTPUT, e.name());
      }
      code.unindent().add("});\n").unindent().unindent();
    }
    return MethodSpec.methodBuilder(Marshalling.writerName(TypeRef.named(e.name())))
        .addJavadoc("$L", "Writes enum {@code " + e.name() + "} as its wire name.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(Poet.JSON_GENERATOR, "out")
        .addParameter(type, "value")
        .addCode(code.build())
        .build();
  }

  private MethodSpec readArray(TypeRef.Array array) {
    TypeName type = javaType(array);
    TypeName element = javaType(array.element());
    CodeBlock.Builder code = CodeBlock.builder();
    code.addStatement("$T.beginArray(p, path)", Poet.INPUT);
    code.addStatement("$T<$T> list = new $T<>()", Poet.LIST, element, Poet.ARRAY_LIST);
    code.beginControlFlow("while (p.nextToken() != $T.END_ARRAY)", Poet.JSON_TOKEN);
    code.addStatement("String at = $T.element(path, list.size())", Poet.INPUT);
    code.addStatement(
        "list.add($L)",
        marshalling.read(array.element(), "p", CodeBlock.of("at"), CodeBlock.of("at")));
    code.endControlFlow();
    code.addStatement("return list");
    return MethodSpec.methodBuilder(Marshalling.readerName(array))
        .addJavadoc(
            "Reads array {@code ['$L']}. Errors in an element name it by its path, where QEMU"
                + " says {@code null}.\n",
            array.element().qapiName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(type)
        .addParameter(Poet.JSON_PARSER, "p")
        .addParameter(String.class, "path")
        .addParameter(String.class, "name")
        .addCode(code.build())
        .build();
  }

  private MethodSpec writeArray(TypeRef.Array array) {
    TypeName type = javaType(array);
    TypeName element = javaType(array.element());
    CodeBlock.Builder code = CodeBlock.builder();
    code.addStatement("out.writeStartArray()");
    code.beginControlFlow("for ($T element : value)", element);
    code.add(marshalling.write(array.element(), "out", "element"));
    code.endControlFlow();
    code.addStatement("out.writeEndArray()");
    return MethodSpec.methodBuilder(Marshalling.writerName(array))
        .addJavadoc("Writes array {@code ['$L']}.\n", array.element().qapiName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(Poet.JSON_GENERATOR, "out")
        .addParameter(type, "value")
        .addCode(code.build())
        .build();
  }
}
