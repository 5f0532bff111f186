package org.qapi4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.Builtin;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.JavaType;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;

/**
 * Generates {@code <Root>_Marshal}: on Jackson's streaming API, a reader for every struct, union,
 * alternate and array type the generated server or client reads, a writer for every one it writes
 * ({@link Directions}), and a constant that does both for every enum.
 *
 * <p>The members of objects and the wire names of enums are tables ({@code ObjectType},
 * {@code EnumType} of the runtime), read and written by the runtime with QEMU's errors and order;
 * the generated code builds the Java values from what the runtime read and hands it the values to
 * write. A table is one string, which javac compiles at almost no cost: generated code is compiled
 * with every schema, and QEMU's has some 3,500 members.
 */
public final class MarshalGenerator {
  private final Schema schema;
  private final Marshalling marshalling;
  private final Tables tables;
  private final Tables.FieldNames fieldNames;
  private final Directions directions;

  public MarshalGenerator(Schema schema) {
    this(schema, java.util.Set.of(), Directions.used(schema));
  }

  /**
   * Readers and writers for the configuration with {@code defined} symbols (a member, enum value or
   * branch whose {@code @If} fails is not on the wire), of the types in {@code directions}.
   */
  public MarshalGenerator(Schema schema, java.util.Set<String> defined, Directions directions) {
    this.schema = schema;
    this.directions = directions;
    this.marshalling = new Marshalling(schema, className(schema), defined, true);
    this.tables = new Tables(schema, marshalling);
    this.fieldNames = marshalling.marshalFields();
  }

  public static ClassName className(Schema schema) {
    return Poet.sibling(schema.javaRoot().orElseThrow(), "_Marshal");
  }

  public TypeSpec generate() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(marshalling.marshalClass())
            .addAnnotation(Poet.generated(schema.name()))
            .addAnnotation(Poet.suppressWarnings())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc(
                "Readers and writers of the types of QAPI schema {@code $L}, QEMU's wire format on"
                    + " Jackson's\nstreaming API. Readers report input errors with QEMU's texts;"
                    + " writers print members in\nQEMU's order.\n\n"
                    + "<p>Each struct, union and alternate {@code T} that the generated code reads (a"
                    + " server what\ncommands take, a client what they return and events carry) has"
                    + " {@code readT(p, path)} (an\nalternate's also takes the {@code name} its errors"
                    + " print), and each one it writes has\n{@code writeT(out, value)}; each enum"
                    + " has an {@code EnumType} constant\n"
                    + "({@code RUN_STATE} for {@code RunState}) with {@code read(p, path, name)} and"
                    + " {@code write(out, value)}.\nA reader expects the parser on the value's first"
                    + " token and leaves it on its last; {@code path} is\nthe value's name in"
                    + " QEMU's errors ({@code null} for a command's arguments). The members of objects"
                    + " and\nthe wire names of enums are tables, read and written by the runtime's"
                    + " {@code ObjectType} and\n{@code EnumType}, which document their form.\n",
                schema.name())
            .addField(FieldSpec.builder(Tables.NAMED_TYPES, "TYPES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The schema's named types, for the tables of generated code.\n")
                .initializer("new Types()").build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    // The cases of the Types switches, by type number (which is the definitions' order here); null
    // where the type is not read, or not written.
    List<String> reads = new ArrayList<>();
    List<CodeBlock> writes = new ArrayList<>();
    for (Definition d : schema.definitions()) {
      if (!Tables.hasReader(d)) {
        continue;
      }
      boolean read = directions.reads(d.name());
      boolean write = directions.writes(d.name());
      if (tables.number(d.name()) != reads.size()) {
        throw new IllegalStateException("types numbered out of definition order at " + d.name());
      }
      if (d instanceof StructDef s) {
        struct(type, s, read, write);
      } else if (d instanceof EnumDef e) {
        enumType(type, e); // one constant, which reads and writes
      } else if (d instanceof UnionDef u) {
        new UnionGenerator(marshalling, this).generate(type, u, read, write);
      } else if (d instanceof AlternateDef a) {
        new UnionGenerator(marshalling, this).generate(a, read, write).forEach(type::addMethod);
      }
      TypeName java = javaType(TypeRef.named(d.name()));
      // The text around the type names goes into the formats: JavaPoet's cost is per piece.
      String number = Integer.toString(reads.size());
      if (d instanceof EnumDef) {
        String field = marshalling.enumField(d.name());
        reads.add("case " + number + " -> " + field + ".read(p, path, name);\n");
        writes.add(CodeBlock.of(
            Poet.escape("case " + number + " -> " + field + ".write(out, (") + "$T) value);\n", java));
        continue;
      }
      boolean named = d instanceof AlternateDef;
      String reader = Marshalling.readerName(TypeRef.named(d.name()));
      reads.add(!read ? null
          : "case " + number + " -> " + reader + (named ? "(p, path, name);\n" : "(p, path);\n"));
      writes.add(!write ? null : CodeBlock.of(Poet.escape("case " + number + " -> "
          + Marshalling.writerName(TypeRef.named(d.name())) + "(out, (") + "$T) value);\n", java));
    }
    for (TypeRef.Array array : arrays().values()) {
      array(type, array);
    }
    type.addType(types(reads, writes));
    return type.build();
  }

  /**
   * Cases per switch method of {@code Types}: a method of 256 cases stays well under the 8,000 bytes
   * of bytecode past which HotSpot never compiles a method (QEMU's schema has some 700 types).
   */
  static final int CASES_PER_METHOD = 256;

  /**
   * The schema's {@code NamedTypes}: two switches over the readers and writers; past
   * {@link #CASES_PER_METHOD} types, a switch on {@code type / 256} over methods of one switch each.
   */
  private TypeSpec types(List<String> reads, List<CodeBlock> writes) {
    TypeSpec.Builder types = TypeSpec.classBuilder("Types")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(Tables.NAMED_TYPES);
    MethodSpec.Builder read = readMethod("read").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    MethodSpec.Builder write = writeMethod("write").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    if (reads.size() <= CASES_PER_METHOD) {
      types.addMethod(read.addCode(readSwitch(reads)).build());
      types.addMethod(write.addCode(writeSwitch(writes)).build());
      return types.build();
    }
    StringBuilder readParts = new StringBuilder();
    StringBuilder writeParts = new StringBuilder();
    for (int part = 0; part * CASES_PER_METHOD < reads.size(); part++) {
      int from = part * CASES_PER_METHOD;
      int to = Math.min(reads.size(), from + CASES_PER_METHOD);
      readParts.append("case ").append(part).append(" -> read").append(part).append("(type, p, path, name);\n");
      writeParts.append("case ").append(part).append(" -> write").append(part).append("(type, out, value);\n");
      types.addMethod(readMethod("read" + part).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addCode(readSwitch(reads.subList(from, to))).build());
      types.addMethod(writeMethod("write" + part).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addCode(writeSwitch(writes.subList(from, to))).build());
    }
    types.addMethod(read.addCode(CodeBlock.builder()
        .add("return switch (type / $L) {\n$>", CASES_PER_METHOD).add("$L", readParts)
        .add("default -> throw new $T(\"type \" + type);\n$<};\n", IllegalArgumentException.class).build()).build());
    types.addMethod(write.addCode(CodeBlock.builder()
        .add("switch (type / $L) {\n$>", CASES_PER_METHOD).add("$L", writeParts)
        .add("default -> throw new $T(\"type \" + type);\n$<}\n", IllegalArgumentException.class).build()).build());
    return types.build();
  }

  private static MethodSpec.Builder readMethod(String name) {
    return MethodSpec.methodBuilder(name)
        .returns(Object.class)
        .addParameter(TypeName.INT, "type")
        .addParameter(Poet.JSON_PARSER, "p")
        .addParameter(String.class, "path")
        .addParameter(String.class, "name");
  }

  private static MethodSpec.Builder writeMethod(String name) {
    return MethodSpec.methodBuilder(name)
        .addParameter(TypeName.INT, "type")
        .addParameter(Poet.JSON_GENERATOR, "out")
        .addParameter(Object.class, "value");
  }

  private static CodeBlock readSwitch(List<String> all) {
    List<String> cases = all.stream().filter(java.util.Objects::nonNull).toList();
    if (cases.isEmpty()) {
      return CodeBlock.of("throw new $T(\"type \" + type);\n", IllegalArgumentException.class);
    }
    return CodeBlock.builder().add("return switch (type) {\n$>").add("$L", String.join("", cases))
        .add("default -> throw new $T(\"type \" + type);\n$<};\n", IllegalArgumentException.class)
        .build();
  }

  private static CodeBlock writeSwitch(List<CodeBlock> all) {
    List<CodeBlock> cases = all.stream().filter(java.util.Objects::nonNull).toList();
    if (cases.isEmpty()) {
      return CodeBlock.of("throw new $T(\"type \" + type);\n", IllegalArgumentException.class);
    }
    return CodeBlock.builder().add("switch (type) {\n$>").add(CodeBlock.join(cases, ""))
        .add("default -> throw new $T(\"type \" + type);\n$<}\n", IllegalArgumentException.class)
        .build();
  }

  /**
   * The array types that need a reader and writer of their own, in order of first use: those of
   * command arguments and event data (read and written member by member), of command returns and
   * of alternate variants. Arrays inside other types are in those types' tables.
   */
  private Map<String, TypeRef.Array> arrays() {
    Map<String, TypeRef.Array> arrays = new LinkedHashMap<>();
    for (Definition d : schema.definitions()) {
      if (d instanceof StructDef s && s.implicit()) {
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
        case NULL -> ClassName.get("org.qapi4j.runtime", "QNull");
      };
    }
    return Poet.typeName(Marshalling.javaType(marshalling.definition(type.qapiName())).orElseThrow());
  }

  /**
   * {@code public static T readX(JsonParser p, String path)}, with {@code String name} too if
   * {@code named} (its errors print the name, as an alternate's and an array's do).
   */
  static MethodSpec reader(TypeRef type, TypeName java, boolean named, CodeBlock body) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(Marshalling.readerName(type))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(java)
        .addParameter(Poet.JSON_PARSER, "p")
        .addParameter(String.class, "path");
    if (named) {
      m.addParameter(String.class, "name");
    }
    return m.addCode(body).build();
  }

  /** {@code public static void writeX(JsonGenerator out, T value)}. */
  static MethodSpec writer(TypeRef type, TypeName java, CodeBlock body) {
    return MethodSpec.methodBuilder(Marshalling.writerName(type))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(Poet.JSON_GENERATOR, "out")
        .addParameter(java, "value")
        .addCode(body)
        .build();
  }

  /** A new name for a static field of the class. */
  String fieldName(String qapiName) {
    return fieldNames.of(qapiName);
  }

  /** A table of members, in a static field. */
  FieldSpec objectType(String field, String owner, List<Member> members) {
    return tables.objectType(field, null, owner, members);
  }

  // Structs.

  /** The members of a struct as on the wire, its bases' first. */
  List<Member> flat(StructDef s) {
    return marshalling.flatten(s, "value").stream().map(Marshalling.Flat::member).toList();
  }

  private void struct(TypeSpec.Builder type, StructDef s, boolean read, boolean write) {
    if (!read && !write) {
      return;
    }
    TypeName java = javaType(TypeRef.named(s.name()));
    String field = fieldName(s.name());
    List<Marshalling.Flat> flat = marshalling.flatten(s, "value");
    type.addField(objectType(field, s.name(), flat.stream().map(Marshalling.Flat::member).toList()));
    if (read) {
      type.addMethod(reader(TypeRef.named(s.name()), java, false, CodeBlock.builder()
          .add("$L", "Object[] a = " + field + ".read(p, path);\n")
          .add("return $L;\n", construct(s, 0))
          .build()));
    }
    if (write) {
      type.addMethod(writer(TypeRef.named(s.name()), java, CodeBlock.of("$L", values(field + ".write(out", flat, ");\n"))));
    }
  }

  /**
   * The accesses to flattened members, each after a comma: {@code head, v.a(), v.b()tail}, or
   * {@code headv.a(), v.b()tail} if {@code head} opens an array initializer.
   */
  static String values(String head, List<Marshalling.Flat> flat, String tail) {
    StringBuilder b = new StringBuilder(head);
    String separator = head.endsWith("{") ? "" : ", ";
    for (Marshalling.Flat f : flat) {
      b.append(separator).append(f.access());
      separator = ", ";
    }
    return b.append(tail).toString();
  }

  /**
   * {@code new S(new Base((T) a[0], ...), (T) a[n], ...)}: struct {@code S} built from the values
   * of its flattened members (its bases' first) in array {@code a}, from {@code a[offset]}.
   */
  CodeBlock construct(StructDef s, int offset) {
    // The text between the type names goes into the format: JavaPoet's cost is per piece.
    StringBuilder format = new StringBuilder();
    List<Object> args = new ArrayList<>();
    construct(s, offset, format, args);
    return CodeBlock.of(format.toString(), args.toArray());
  }

  private void construct(StructDef s, int offset, StringBuilder format, List<Object> args) {
    format.append("new $T(");
    args.add(javaType(TypeRef.named(s.name())));
    int at = offset;
    String separator = "";
    if (s.base().isPresent() && marshalling.definition(s.base().get()) instanceof StructDef base) {
      construct(base, at, format, args);
      at += flat(base).size();
      separator = ", ";
    }
    for (Member m : s.members()) {
      format.append(separator).append("($T) a[").append(at++).append(']');
      args.add(Poet.typeName(m.javaType()));
      separator = ", ";
    }
    format.append(')');
  }

  // Enums.

  private void enumType(TypeSpec.Builder type, EnumDef e) {
    TypeName java = javaType(TypeRef.named(e.name()));
    String field = marshalling.enumField(e.name());
    StringBuilder table = new StringBuilder();
    for (EnumValue v : e.values()) {
      if (table.length() > 0) {
        table.append(' ');
      }
      table.append(v.name());
      String flags = tables.flags(v.features(), !marshalling.exists(v.condition()));
      if (!flags.isEmpty()) {
        table.append('/').append(flags);
      }
    }
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(Tables.ENUM_TYPE, java), field,
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        // The type argument written out: javac infers a diamond's at a cost, for each of the
        // schema's enums (155 in QEMU's).
        .initializer("new $T<$T>($L, $T.values(), $L)", Tables.ENUM_TYPE, java, Marshalling.literal(e.name()), java,
            Marshalling.literal(table.toString()))
        .build());
  }

  // Arrays.

  private void array(TypeSpec.Builder type, TypeRef.Array array) {
    boolean read = directions.reads(array.qapiName());
    boolean write = directions.writes(array.qapiName());
    if (!read && !write) {
      return;
    }
    String field = fieldName(array.qapiName());
    type.addField(FieldSpec.builder(Tables.VALUE_TYPE, field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.parse($L)", Tables.VALUE_TYPE, Marshalling.literal(tables.valueType(array, null)))
        .build());
    TypeName java = javaType(array);
    if (read) {
      type.addMethod(reader(array, java, true, CodeBlock.of("return ($T) $L.read(TYPES, p, path, name);\n", java, field)));
    }
    if (write) {
      type.addMethod(writer(array, java, CodeBlock.of("$L", field + ".write(TYPES, out, value);\n")));
    }
  }
}
