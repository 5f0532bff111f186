package org.qapi4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.IdentityHashMap;
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
 * object as base and branch, with every member checked.
 */
final class UnionGenerator {
  private final Marshalling marshalling;
  private final Function<TypeRef, TypeName> javaType;

  UnionGenerator(Marshalling marshalling, Function<TypeRef, TypeName> javaType) {
    this.marshalling = marshalling;
    this.javaType = javaType;
  }

  private static String suffix(String name) {
    return Poet.identifier(name).toLowerCase(java.util.Locale.ROOT);
  }

  List<MethodSpec> generate(UnionDef u) {
    List<MethodSpec> methods = new ArrayList<>();
    TypeName union = javaType.apply(TypeRef.named(u.name()));
    StructDef base = (StructDef) marshalling.definition(u.base());
    List<Marshalling.Flat> baseFlat = marshalling.flatten(base, "v." + u.javaBase() + "()");
    Member tag = baseFlat.stream().map(Marshalling.Flat::member).filter(m -> m.name().equals(u.discriminator())).findFirst().orElseThrow();
    String tagOfBase = access(marshalling.flatten(base, "base"), tag);
    String tagOfVariant = access(baseFlat, tag);
    EnumDef tagEnum = (EnumDef) marshalling.definition(tag.type().qapiName());
    ClassName tagClass = (ClassName) javaType.apply(tag.type());
    // Type names have no '_' (QAPI's CamelCase rule), so these names cannot clash with a type's reader.
    String readBase = "read" + Poet.identifier(u.name()) + "_base";

    // The first look: the base alone.
    methods.add(readObject(readBase, base, List.of(), null, true,
        "Reads the base of union {@code " + u.name() + "}, leaving other members for the branch."));

    // The dispatch on the discriminator.
    CodeBlock.Builder read = CodeBlock.builder();
    read.addStatement("$T.beginObject(p, path)", Poet.INPUT);
    read.addStatement("byte[] object = $T.capture(p)", Poet.INPUT);
    read.addStatement("$T base = $L($T.reread(object), path)", javaType.apply(TypeRef.named(base.name())), readBase, Poet.INPUT);
    read.add("return switch ($L) {\n", tagOfBase).indent();
    for (EnumValue value : tagEnum.values()) {
      Variant v = u.variants().stream().filter(x -> x.name().equals(value.name())).findFirst().orElse(null);
      if (!marshalling.exists(value.condition()) || (v != null && !marshalling.exists(v.condition()))) {
        // Not in this configuration (the base reader refuses a value that is not).
        read.add("case $L -> throw $T.badEnumValue($S, $S);\n", value.javaName(), Poet.INPUT, u.discriminator(),
            value.name());
        continue;
      }
      String reader = "read" + Poet.identifier(u.name()) + "_" + (v != null ? suffix(v.name()) : "other");
      read.add("case $L -> $L($T.reread(object), path);\n", value.javaName(), reader, Poet.INPUT);
    }
    read.unindent().add("};\n");
    methods.add(MethodSpec.methodBuilder(Marshalling.readerName(TypeRef.named(u.name())))
        .addJavadoc("Reads union {@code $L}; {@code p} is on its first token.\n", u.name())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(union)
        .addParameter(Poet.JSON_PARSER, "p")
        .addParameter(String.class, "path")
        .addCode(read.build())
        .build());

    // The second look, one reader per variant.
    for (Variant v : u.variants()) {
      if (!marshalling.exists(v.condition())) {
        continue;
      }
      StructDef branch = (StructDef) marshalling.definition(v.type().qapiName());
      methods.add(readObject("read" + Poet.identifier(u.name()) + "_" + suffix(v.name()), base, List.of(branch),
          Poet.className(v.javaType()), false, "Reads union {@code " + u.name() + "} with branch {@code " + v.name() + "}."));
    }
    boolean unbranched = tagEnum.values().stream().anyMatch(e -> u.variants().stream().noneMatch(v -> v.name().equals(e.name())));
    if (unbranched && u.javaOther().isPresent()) {
      methods.add(readObject("read" + Poet.identifier(u.name()) + "_other", base, List.of(),
          Poet.className(u.javaOther().get()), false, "Reads union {@code " + u.name() + "} for a value without a branch."));
    }

    // The writer.
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
      List<Marshalling.Flat> all = new ArrayList<>(baseFlat);
      all.addAll(marshalling.flatten(branch, "v." + v.javaValue() + "()"));
      write.add(marshalling.writeObject(all, u.name()));
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
      write.add(marshalling.writeObject(baseFlat, u.name()));
    }
    if (first) {
      write.addStatement("throw $T.wrongVariant($S, value)", Poet.INPUT, u.name());
    } else {
      write.nextControlFlow("else").addStatement("throw $T.wrongVariant($S, value)", Poet.INPUT, u.name()).endControlFlow();
    }
    methods.add(MethodSpec.methodBuilder(Marshalling.writerName(TypeRef.named(u.name())))
        .addJavadoc("Writes union {@code $L}: base and branch members in one object.\n", u.name())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(Poet.JSON_GENERATOR, "out")
        .addParameter(union, "value")
        .addCode(write.build())
        .build());
    return methods;
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

  /**
   * A reader of one flat object: the members of {@code base} and of {@code branches}, building the
   * base (and, with {@code variant}, {@code new Variant(base, branch)}).
   */
  private MethodSpec readObject(String name, StructDef base, List<StructDef> branches, ClassName variant,
      boolean lenient, String doc) {
    LocalNames names = new LocalNames();
    names.newName("p");
    names.newName("path");
    CodeBlock.Builder code = CodeBlock.builder();
    List<Member> members = new ArrayList<>(marshalling.flatten(base, "x").stream().map(Marshalling.Flat::member).toList());
    for (StructDef b : branches) {
      members.addAll(marshalling.flatten(b, "x").stream().map(Marshalling.Flat::member).toList());
    }
    List<String> locals = marshalling.readMembers(code, members, "p", CodeBlock.of("path"), names, lenient);
    Map<Member, String> byMember = new IdentityHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      byMember.put(members.get(i), locals.get(i));
    }
    TypeName returns;
    if (variant == null) {
      code.addStatement("return $L", marshalling.construct(base, byMember));
      returns = javaType.apply(TypeRef.named(base.name()));
    } else {
      List<CodeBlock> args = new ArrayList<>();
      args.add(marshalling.construct(base, byMember));
      for (StructDef b : branches) {
        args.add(marshalling.construct(b, byMember));
      }
      code.addStatement("return new $T($L)", variant, CodeBlock.join(args, ", "));
      returns = variant;
    }
    return MethodSpec.methodBuilder(name)
        .addJavadoc(doc + "\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(returns)
        .addParameter(Poet.JSON_PARSER, "p")
        .addParameter(String.class, "path")
        .addCode(code.build())
        .build();
  }

  List<MethodSpec> generate(AlternateDef a) {
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
    return List.of(
        MethodSpec.methodBuilder(Marshalling.readerName(TypeRef.named(a.name())))
            .addJavadoc("Reads alternate {@code $L}: the JSON type says the variant.\n", a.name())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(alternate)
            .addParameter(Poet.JSON_PARSER, "p")
            .addParameter(String.class, "path")
            .addParameter(String.class, "name")
            .addCode(read.build())
            .build(),
        MethodSpec.methodBuilder(Marshalling.writerName(TypeRef.named(a.name())))
            .addJavadoc("Writes alternate {@code $L}.\n", a.name())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addParameter(Poet.JSON_GENERATOR, "out")
            .addParameter(alternate, "value")
            .addCode(write.build())
            .build());
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
