package org.qapi4j.qapijson;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.Member;
import org.qapi4j.model.Names;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.Variant;

/**
 * Unions and alternates as sealed interfaces, with a nested record per branch: a union's branch
 * holds the base and the branch's struct ({@code record Apple(FruitBase base, Apple data)}), with a
 * record for the base alone if some discriminator values have no branch; an alternate's holds the
 * value ({@code record Str(String value)}).
 */
final class SealedWriter {
  private final JavaNames names;
  private final JavaTypes types;
  private final Map<String, Definition> byName;

  SealedWriter(JavaNames names, JavaTypes types, Map<String, Definition> byName) {
    this.names = names;
    this.types = types;
    this.byName = byName;
  }

  TypeSpec union(UnionDef u, String javaName, QapiDoc doc) {
    ClassName self = types.local(javaName);
    TypeSpec.Builder type = sealed(javaName, doc, JavaTypes.definition(
        u.name().equals(javaName) ? null : u.name(), u.condition(), u.features()));
    type.addAnnotation(JavaTypes.attributes(JavaTypes.UNION,
        List.of(CodeBlock.of("discriminator = $S", u.discriminator()))));
    ParameterSpec base = ParameterSpec.builder(types.of(TypeRef.named(u.base()), false), "base").build();
    Set<String> nested = new HashSet<>();
    nested.add(javaName);
    for (Variant v : u.variants()) {
      String r = names.branch(v.name(), nested);
      type.addType(branch(r, self, CodeBlock.of(""), branchAnnotations(v, r),
          List.of(base, ParameterSpec.builder(types.of(v.type(), false), "data").build())));
    }
    EnumDef tag = tagEnum(u);
    boolean complete = tag != null && tag.values().stream()
        .allMatch(val -> u.variants().stream().anyMatch(v -> v.name().equals(val.name())));
    if (!complete) {
      String r = names.branch("no-branch", nested);
      type.addType(branch(r, self,
          Javadocs.text("The values of '" + u.discriminator() + "' without a branch: the base alone."),
          List.of(), List.of(base)));
    }
    return type.build();
  }

  TypeSpec alternate(AlternateDef a, String javaName, QapiDoc doc) {
    ClassName self = types.local(javaName);
    TypeSpec.Builder type = sealed(javaName, doc, JavaTypes.definition(
        a.name().equals(javaName) ? null : a.name(), a.condition(), a.features()));
    type.addAnnotation(JavaTypes.ALTERNATE);
    Set<String> nested = new HashSet<>();
    nested.add(javaName);
    for (Variant v : a.variants()) {
      String r = names.branch(v.name(), nested);
      ParameterSpec value = ParameterSpec.builder(types.of(v.type(), false), "value")
          .addAnnotations(JavaTypes.typeAnnotation(v.type()))
          .build();
      type.addType(branch(r, self, Javadocs.member(doc, v.name()), branchAnnotations(v, r), List.of(value)));
    }
    return type.build();
  }

  private static TypeSpec.Builder sealed(String javaName, QapiDoc doc, List<AnnotationSpec> annotations) {
    return TypeSpec.interfaceBuilder(javaName)
        .addJavadoc(Javadocs.of(doc, false))
        .addAnnotations(annotations)
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED);
  }

  private static TypeSpec branch(
      String name, ClassName self, CodeBlock javadoc, List<AnnotationSpec> annotations, List<ParameterSpec> components) {
    return TypeSpec.recordBuilder(name)
        .addJavadoc(javadoc)
        .addAnnotations(annotations)
        // Implicit in an interface, and so not written; JavaPoet asks for them.
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .recordConstructor(MethodSpec.constructorBuilder().addParameters(components).build())
        .addSuperinterface(self)
        .build();
  }

  /** {@code @Name} if the record does not derive the branch's name, and {@code @If}. */
  private static List<AnnotationSpec> branchAnnotations(Variant v, String record) {
    List<AnnotationSpec> out = new ArrayList<>();
    if (!Names.kebab(record).equals(v.name())) {
      out.add(JavaTypes.string(JavaTypes.NAME, v.name()));
    }
    out.addAll(JavaTypes.condition(v.condition()));
    return out;
  }

  /** The enum of a union's discriminator, if it is one. */
  private EnumDef tagEnum(UnionDef u) {
    if (!(byName.get(u.base()) instanceof StructDef b)) {
      return null;
    }
    // A schema with errors may have a cycle of bases.
    Set<StructDef> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (StructDef s = b; s != null && seen.add(s); s = s.base().map(byName::get)
        .filter(StructDef.class::isInstance).map(StructDef.class::cast).orElse(null)) {
      for (Member m : s.members()) {
        if (m.name().equals(u.discriminator()) && byName.get(m.type().qapiName()) instanceof EnumDef e) {
          return e;
        }
      }
    }
    return null;
  }
}
