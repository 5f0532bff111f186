package org.qapi4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.Builtin;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.Member;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.Variant;

/**
 * Readers and writers of unions and alternates, for {@code <Root>_Marshal}.
 *
 * <p>A union is read in two looks at the object, as QEMU's visitor reads it in two steps: first
 * its base (which says the branch; members it does not know are left for later), then the whole
 * object as base and branch, with every member checked; the branch's value is built from the
 * second look, the base's from the first.
 */
final class UnionGenerator {
  private final Marshalling marshalling;
  private final MarshalGenerator marshal;
  private final Function<TypeRef, TypeName> javaType;

  UnionGenerator(Marshalling marshalling, MarshalGenerator marshal) {
    this.marshalling = marshalling;
    this.marshal = marshal;
    this.javaType = marshal::javaType;
  }

  /**
   * The reader and the writer of a union (each if asked for), and its tables: its base alone (the
   * first look, and the values without a branch), and base and branch together for each branch.
   */
  void generate(TypeSpec.Builder type, UnionDef u, boolean reader, boolean writer) {
    if (!reader && !writer) {
      return;
    }
    TypeName union = javaType.apply(TypeRef.named(u.name()));
    StructDef base = (StructDef) marshalling.definition(u.base());
    List<Marshalling.Flat> baseFlat = marshalling.flatten(base, "v." + u.javaBase() + "()");
    List<Member> baseMembers = baseFlat.stream().map(Marshalling.Flat::member).toList();
    Member tag = baseMembers.stream().filter(m -> m.name().equals(u.discriminator())).findFirst().orElseThrow();
    String tagOfBase = access(marshalling.flatten(base, "base"), tag);
    String tagOfVariant = access(baseFlat, tag);
    EnumDef tagEnum = (EnumDef) marshalling.definition(tag.type().qapiName());
    ClassName tagClass = (ClassName) javaType.apply(tag.type());
    String baseField = marshal.fieldName(u.name() + "Base");
    type.addField(marshal.objectType(baseField, u.name(), baseMembers));
    Map<String, String> branchFields = new java.util.HashMap<>();
    for (Variant v : u.variants()) {
      if (marshalling.exists(v.condition())) {
        StructDef branch = (StructDef) marshalling.definition(v.type().qapiName());
        List<Member> all = new ArrayList<>(baseMembers);
        all.addAll(marshal.flat(branch));
        String field = marshal.fieldName(u.name() + "-" + v.name());
        branchFields.put(v.name(), field);
        type.addField(marshal.objectType(field, u.name(), all));
      }
    }

    if (reader) {
      type.addMethod(reader(u, union, base, baseField, branchFields, tagEnum, tagOfBase, baseMembers.size()));
    }
    if (writer) {
      writer(type, u, union, base, baseField, branchFields, tagEnum, tagClass, tagOfVariant);
    }
  }

  /** The reader: the base, which says the branch, then base and branch together. */
  private MethodSpec reader(UnionDef u, TypeName union, StructDef base, String baseField,
      Map<String, String> branchFields, EnumDef tagEnum, String tagOfBase, int baseSize) {
    CodeBlock.Builder read = CodeBlock.builder();
    read.addStatement("$T.beginObject(p, path)", Poet.INPUT);
    read.addStatement("byte[] object = $T.capture(p)", Poet.INPUT);
    read.addStatement("Object[] a = $L.readLenient($T.reread(object), path)", baseField, Poet.INPUT);
    read.addStatement("$T base = $L", javaType.apply(TypeRef.named(base.name())), marshal.construct(base, 0));
    // A configuration may leave no branch at all: then every case is an error, and the switch
    // gives the error to throw (a switch expression must have a value).
    boolean anyBranch = false;
    for (EnumValue value : tagEnum.values()) {
      anyBranch |= present(u, value);
    }
    // A client reads a value the schema lacks as null (Input.tolerant): no branch can hold it.
    CodeBlock tag = CodeBlock.of("$T.branch($L, $S, $S, path)", Poet.INPUT, tagOfBase, u.name(), u.discriminator());
    read.add(anyBranch ? "return switch ($L) {\n" : "throw switch ($L) {\n", tag).indent();
    for (EnumValue value : tagEnum.values()) {
      if (!present(u, value)) {
        // Not in this configuration (the base reader refuses a value that is not).
        read.add(anyBranch ? "case $L -> throw $T.badEnumValue($S, $S);\n" : "case $L -> $T.badEnumValue($S, $S);\n",
            value.javaName(), Poet.INPUT, u.discriminator(), value.name());
        continue;
      }
      Variant v = variant(u, value);
      // The second look: base and branch, with every member checked; the base's value is the first look's.
      read.add("case $L -> {\n$>", value.javaName());
      if (v != null) {
        StructDef branch = (StructDef) marshalling.definition(v.type().qapiName());
        read.addStatement("a = $L.read($T.reread(object), path)", branchFields.get(v.name()), Poet.INPUT);
        read.addStatement("yield new $T(base, $L)", Poet.className(v.javaType()),
            marshal.construct(branch, baseSize));
      } else {
        read.addStatement("$L.read($T.reread(object), path)", baseField, Poet.INPUT);
        read.addStatement("yield new $T(base)", Poet.className(u.javaOther().orElseThrow()));
      }
      read.add("$<}\n");
    }
    read.unindent().add("};\n");
    return MarshalGenerator.reader(TypeRef.named(u.name()), union, false, read.build());
  }

  /** The writer. The base's values come from one method, which each branch calls. */
  private void writer(TypeSpec.Builder type, UnionDef u, TypeName union, StructDef base, String baseField,
      Map<String, String> branchFields, EnumDef tagEnum, ClassName tagClass, String tagOfVariant) {
    String baseValues = "baseOf" + Poet.identifier(u.name());
    String baseOfVariant = baseValues + "(v." + u.javaBase() + "())";
    type.addMethod(MethodSpec.methodBuilder(baseValues)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Object[].class)
        .addParameter(javaType.apply(TypeRef.named(base.name())), "base")
        .addCode("$L", MarshalGenerator.values("return new Object[] {", marshalling.flatten(base, "base"), "};\n"))
        .build());
    CodeBlock.Builder write = CodeBlock.builder();
    boolean first = true;
    for (Variant v : u.variants()) {
      StructDef branch = (StructDef) marshalling.definition(v.type().qapiName());
      EnumValue value = tagEnum.values().stream().filter(e -> e.name().equals(v.name())).findFirst().orElseThrow();
      branch(write, first, Poet.className(v.javaType()));
      first = false;
      if (!marshalling.exists(v.condition()) || !marshalling.exists(value.condition())) {
        write.addStatement("throw $T.absent($S, value)", Poet.OUTPUT, u.name());
        continue;
      }
      write.beginControlFlow("if ($L != $T.$L)", tagOfVariant, tagClass, value.javaName());
      write.addStatement("throw $T.wrongVariant($S, value)", Poet.INPUT, u.name());
      write.endControlFlow();
      write.add("$L", MarshalGenerator.values(branchFields.get(v.name()) + ".writeBranch(out, " + baseOfVariant,
          marshalling.flatten(branch, "v." + v.javaValue() + "()"), ");\n"));
    }
    if (u.javaOther().isPresent()) {
      branch(write, first, Poet.className(u.javaOther().get()));
      first = false;
      List<String> branched = u.variants().stream().map(v -> tagEnum.values().stream()
          .filter(e -> e.name().equals(v.name())).findFirst().orElseThrow().javaName()).toList();
      if (!branched.isEmpty()) {
        write.beginControlFlow("switch ($L)", tagOfVariant);
        write.add("case $L -> throw $T.wrongVariant($S, value);\n", String.join(", ", branched), Poet.INPUT, u.name());
        write.add("default -> { }\n");
        write.endControlFlow();
      }
      write.add("$L", baseField + ".write(out, " + baseOfVariant + ");\n");
    }
    if (first) {
      write.addStatement("throw $T.wrongVariant($S, value)", Poet.INPUT, u.name());
    } else {
      write.nextControlFlow("else").addStatement("throw $T.wrongVariant($S, value)", Poet.INPUT, u.name()).endControlFlow();
    }
    type.addMethod(MarshalGenerator.writer(TypeRef.named(u.name()), union, write.build()));
  }

  /**
   * True if the tag value selects a branch in this configuration: the value exists, and so does its
   * variant if it has one (a value without a variant selects the union's other branch).
   */
  private boolean present(UnionDef u, EnumValue value) {
    Variant v = variant(u, value);
    return marshalling.exists(value.condition()) && (v == null || marshalling.exists(v.condition()));
  }

  /** The union's variant for a tag value; null if the value has none (it selects the other branch). */
  private static Variant variant(UnionDef u, EnumValue value) {
    for (Variant v : u.variants()) {
      if (v.name().equals(value.name())) {
        return v;
      }
    }
    return null;
  }

  /** Opens the branch of an {@code if (value instanceof V v) ... else if ...} chain. */
  private static void branch(CodeBlock.Builder code, boolean first, ClassName variant) {
    if (first) {
      code.beginControlFlow("if (value instanceof $T v)", variant);
    } else {
      code.nextControlFlow("else if (value instanceof $T v)", variant);
    }
  }

  /** The expression of one flattened member. */
  private static String access(List<Marshalling.Flat> flat, Member member) {
    return flat.stream().filter(f -> f.member() == member).findFirst().orElseThrow().access();
  }

  /** The reader and the writer of an alternate, each if asked for. */
  List<MethodSpec> generate(AlternateDef a, boolean reader, boolean writer) {
    TypeName alternate = javaType.apply(TypeRef.named(a.name()));
    CodeBlock.Builder read = CodeBlock.builder();
    read.beginControlFlow("switch (p.currentToken())");
    for (Variant v : a.variants()) {
      if (!marshalling.exists(v.condition())) {
        continue; // not in this configuration: its JSON type matches no variant
      }
      List<String> tokens = tokens(v.type());
      read.add("case $L -> {\n", String.join(", ", tokens)).indent();
      read.addStatement("return new $T($L)", Poet.className(v.javaType()),
          marshalling.read(v.type(), "p", CodeBlock.of("path"), CodeBlock.of("name")));
      read.unindent().add("}\n");
    }
    read.add("default -> {\n").indent();
    read.addStatement("throw $T.invalidType(name, $S)", Poet.INPUT, a.name());
    read.unindent().add("}\n");
    read.endControlFlow();
    CodeBlock.Builder write = CodeBlock.builder();
    boolean first = true;
    for (Variant v : a.variants()) {
      branch(write, first, Poet.className(v.javaType()));
      first = false;
      if (marshalling.exists(v.condition())) {
        write.add(marshalling.write(v.type(), "out", "v." + v.javaValue() + "()"));
      } else {
        write.addStatement("throw $T.absent($S, value)", Poet.OUTPUT, a.name());
      }
    }
    write.nextControlFlow("else").addStatement("throw $T.wrongVariant($S, value)", Poet.INPUT, a.name()).endControlFlow();
    List<MethodSpec> methods = new ArrayList<>();
    if (reader) {
      methods.add(MarshalGenerator.reader(TypeRef.named(a.name()), alternate, true, read.build()));
    }
    if (writer) {
      methods.add(MarshalGenerator.writer(TypeRef.named(a.name()), alternate, write.build()));
    }
    return methods;
  }

  /** The first tokens of the values of a branch type. */
  private List<String> tokens(TypeRef type) {
    if (type instanceof TypeRef.Array) {
      return List.of("START_ARRAY");
    }
    var builtin = Builtin.byName(type.qapiName());
    if (builtin.isPresent()) {
      return switch (builtin.get()) {
        case STR -> List.of("VALUE_STRING");
        case BOOL -> List.of("VALUE_TRUE", "VALUE_FALSE");
        case NULL -> List.of("VALUE_NULL");
        default -> List.of("VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT");
      };
    }
    Definition d = marshalling.definition(type.qapiName());
    return d instanceof EnumDef ? List.of("VALUE_STRING") : List.of("START_OBJECT");
  }
}
