package org.qapi4j.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.JavaType;
import org.qapi4j.model.Member;
import org.qapi4j.model.Names;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.Variant;
import org.qapi4j.model.check.Rule;
import org.qapi4j.processor.diag.ElementOrigin;

/**
 * Reads the types a schema reaches: a record is a struct, an enum an enum, a sealed interface a
 * union ({@code @Union}) or an alternate ({@code @Alternate}); and the members of records and of
 * command and event parameters.
 */
final class TypeReader {
  private final Mirrors mirrors;
  private final Problems problems;
  private final JavaTypes javaTypes;
  private final Annotations annotations;
  /** The root's type definitions, in the order read. */
  private final List<Definition> types;

  TypeReader(Mirrors mirrors, Problems problems, JavaTypes javaTypes, Annotations annotations, List<Definition> types) {
    this.mirrors = mirrors;
    this.problems = problems;
    this.javaTypes = javaTypes;
    this.annotations = annotations;
    this.types = types;
  }

  /** A member from a parameter or record component. */
  Member member(Element element, TypeMirror type) {
    String javaName = element.getSimpleName().toString();
    Optional<AnnotationMirror> nameMirror = mirrors.find(element, Mirrors.NAME);
    boolean optional = mirrors.find(element, Mirrors.OPTIONAL).isPresent();
    ElementOrigin origin =
        nameMirror.map(m -> ElementOrigin.of(element, m)).orElse(ElementOrigin.of(element));
    origin = annotations.withIf(origin, element);
    String name;
    if (nameMirror.isPresent()) {
      name = mirrors.string(nameMirror.get(), "value");
    } else {
      name = Names.kebab(javaName);
      origin = origin.derivedFrom(javaName, "@Name(\"...\")");
    }
    if (optional && type.getKind().isPrimitive()) {
      problems.form(ElementOrigin.of(element, mirrors.find(element, Mirrors.OPTIONAL).get()),
          "optional member '" + name + "' must have a reference type ("
              + JavaTypes.boxedName(type.getKind()) + ", not " + type + "): absent is null");
      return null;
    }
    TypeRef ref = javaTypes.typeRef(type, element, "member '" + name + "'");
    if (ref == null) {
      return null;
    }
    Optional<AnnotationMirror> typeMirror = mirrors.find(element, Mirrors.TYPE);
    if (typeMirror.isPresent()) {
      ref = IntegerTypes.override(ref, type, mirrors.string(typeMirror.get(), "value"),
          message -> problems.form(ElementOrigin.of(element, typeMirror.get()).attribute("value"), message));
      if (ref == null) {
        return null;
      }
    }
    return new Member(
        name, ref, optional, annotations.features(element), annotations.condition(element), origin, javaName,
        javaTypes.javaType(type));
  }

  void readType(TypeElement element) {
    String name = javaTypes.qapiName(element);
    Optional<AnnotationMirror> nameMirror = mirrors.find(element, Mirrors.NAME);
    ElementOrigin origin =
        nameMirror.map(m -> ElementOrigin.of(element, m)).orElse(ElementOrigin.of(element));
    origin = annotations.withIf(origin, element);
    if (nameMirror.isEmpty()) {
      origin = origin.derivedFrom(element.getSimpleName().toString(), "@Name(\"...\")");
    }
    problems.context("In " + annotations.meta(element) + " '" + name + "':");
    if (element.getKind() == ElementKind.INTERFACE) {
      readSealed(element, name, origin);
    } else if (element.getKind() == ElementKind.RECORD) {
      List<Member> members = new ArrayList<>();
      Optional<String> base = Optional.empty();
      Optional<String> javaBase = Optional.empty();
      List<? extends RecordComponentElement> components = element.getRecordComponents();
      for (int i = 0; i < components.size(); i++) {
        RecordComponentElement c = components.get(i);
        Optional<AnnotationMirror> baseMirror = mirrors.find(c, Mirrors.BASE);
        if (baseMirror.isPresent()) {
          ElementOrigin at = ElementOrigin.of(c, baseMirror.get());
          if (i != 0) {
            problems.form(at, "@Base marks the first component of a record: the base's members come first on the wire");
            continue;
          }
          TypeRef ref = javaTypes.typeRef(c.asType(), c, "the base of " + name);
          if (ref instanceof TypeRef.Named) {
            base = Optional.of(ref.qapiName());
            javaBase = Optional.of(c.getSimpleName().toString());
            origin = origin.withAttribute("base", at);
          } else if (ref != null) {
            problems.rule(Rule.TYPEREF_NO_ARRAY, at, "'base' cannot be an array");
          }
          continue;
        }
        Member m = member(c, c.asType());
        if (m != null) {
          members.add(m);
        }
      }
      types.add(
          new StructDef(
              name, base, members, annotations.features(element), annotations.condition(element), origin, false,
              Optional.of(javaTypes.javaType(element.asType())), javaBase));
    } else {
      List<EnumValue> values = new ArrayList<>();
      for (Element e : element.getEnclosedElements()) {
        if (e.getKind() != ElementKind.ENUM_CONSTANT) {
          continue;
        }
        String constant = e.getSimpleName().toString();
        Optional<AnnotationMirror> valueName = mirrors.find(e, Mirrors.NAME);
        ElementOrigin at =
            annotations.withIf(valueName.map(m -> ElementOrigin.of(e, m)).orElse(ElementOrigin.of(e)), e);
        String wire;
        if (valueName.isPresent()) {
          wire = mirrors.string(valueName.get(), "value");
        } else {
          wire = Names.enumValue(constant);
          at = at.derivedFrom(constant, "@Name(\"...\")");
        }
        values.add(new EnumValue(wire, annotations.features(e), annotations.condition(e), at, constant));
      }
      types.add(
          new EnumDef(
              name, values, Optional.empty(), annotations.features(element), annotations.condition(element), origin,
              Optional.of(javaTypes.javaType(element.asType()))));
    }
  }

  /** A union or an alternate: a sealed interface whose permitted records are the variants. */
  private void readSealed(TypeElement element, String name, ElementOrigin origin) {
    Optional<AnnotationMirror> union = mirrors.find(element, Mirrors.UNION);
    if (union.isPresent()) {
      origin = annotations.withIf(ElementOrigin.of(element, union.get()).withAttribute("name", origin), element);
    }
    List<TypeElement> records = new ArrayList<>();
    for (TypeMirror permitted : element.getPermittedSubclasses()) {
      TypeElement r = (TypeElement) ((DeclaredType) permitted).asElement();
      if (r.getKind() != ElementKind.RECORD) {
        problems.form(ElementOrigin.of(r), "a variant of " + name + " must be a record");
        continue;
      }
      records.add(r);
    }
    if (records.isEmpty() && element.getPermittedSubclasses().isEmpty()) {
      if (union.isEmpty()) {
        problems.rule(Rule.ALTERNATE, origin, "'data' must not be empty: an alternate is a sealed interface whose"
            + " permitted records are its branches");
      } else {
        problems.form(origin, name + " must be a sealed interface whose permitted records are its variants");
      }
      placeholder(element, name, origin);
      return;
    }
    for (TypeElement r : records) {
      for (org.qapi4j.model.Feature f : annotations.features(r)) {
        problems.rule(Rule.KEYS_UNKNOWN, f.origin(), "'data' member '" + annotations.variantName(r)
            + "' has unknown key 'features': a union or alternate branch has none; give them to the"
            + " members of its type");
      }
    }
    List<Variant> variants = new ArrayList<>();
    if (union.isEmpty()) {
      for (TypeElement r : records) {
        List<? extends RecordComponentElement> c = r.getRecordComponents();
        if (c.size() != 1) {
          problems.form(ElementOrigin.of(r),
              "a variant of alternate " + name + " is a record of one component, the value");
          continue;
        }
        Optional<AnnotationMirror> baseMirror = mirrors.find(c.get(0), Mirrors.BASE);
        if (baseMirror.isPresent()) {
          problems.rule(Rule.KEYS_UNKNOWN, ElementOrigin.of(c.get(0), baseMirror.get()),
              "alternate has unknown key 'base': an alternate has no base; its branch's value is not marked @Base");
        }
        TypeRef ref = javaTypes.typeRef(c.get(0).asType(), c.get(0), "variant " + r.getSimpleName());
        Optional<AnnotationMirror> typeMirror = mirrors.find(c.get(0), Mirrors.TYPE);
        if (ref != null && typeMirror.isPresent()) {
          // An integer branch names its QAPI type as a member does: @Type("uint64") long value.
          ref = IntegerTypes.override(ref, c.get(0).asType(), mirrors.string(typeMirror.get(), "value"),
              message -> problems.form(ElementOrigin.of(c.get(0), typeMirror.get()).attribute("value"), message));
        }
        if (ref != null) {
          variants.add(new Variant(annotations.variantName(r), ref, annotations.condition(r),
              annotations.variantOrigin(r),
              javaTypes.javaType(r.asType()), c.get(0).getSimpleName().toString()));
        }
      }
      types.add(new org.qapi4j.model.AlternateDef(name, variants, annotations.features(element),
          annotations.condition(element), origin,
          Optional.of(javaTypes.javaType(element.asType()))));
      return;
    }
    String discriminator = mirrors.string(union.get(), "discriminator");
    TypeRef base = null;
    String baseComponent = null;
    Optional<JavaType> other = Optional.empty();
    boolean malformed = false;
    for (TypeElement r : records) {
      List<? extends RecordComponentElement> c = r.getRecordComponents();
      if (c.isEmpty() || c.size() > 2) {
        malformed = true;
        problems.form(ElementOrigin.of(r), "a variant of union " + name
            + " is a record of the base and the branch, or of the base alone for the values without a branch");
        continue;
      }
      TypeRef b = javaTypes.typeRef(c.get(0).asType(), c.get(0), "the base of " + name);
      if (b == null) {
        continue;
      }
      if (base == null) {
        base = b;
        baseComponent = c.get(0).getSimpleName().toString();
      } else if (!base.equals(b) || !baseComponent.contentEquals(c.get(0).getSimpleName())) {
        problems.form(ElementOrigin.of(c.get(0)), "every variant of union " + name + " starts with the same base, "
            + base + " " + baseComponent);
        continue;
      }
      if (c.size() == 1) {
        if (other.isPresent()) {
          problems.form(ElementOrigin.of(r),
              "union " + name + " has one variant for the values without a branch, not two");
        }
        other = Optional.of(javaTypes.javaType(r.asType()));
        continue;
      }
      TypeRef branch = javaTypes.typeRef(c.get(1).asType(), c.get(1), "the branch " + r.getSimpleName());
      if (branch != null) {
        variants.add(new Variant(annotations.variantName(r), branch, annotations.condition(r),
            annotations.variantOrigin(r),
            javaTypes.javaType(r.asType()), c.get(1).getSimpleName().toString()));
      }
    }
    if (base == null) {
      if (!malformed) {
        problems.form(origin, "union " + name + " needs a variant record whose first component is the base");
      }
      placeholder(element, name, origin);
      return;
    }
    types.add(new UnionDef(name, base.qapiName(), discriminator, variants, annotations.features(element),
        annotations.condition(element),
        origin,
        Optional.of(javaTypes.javaType(element.asType())), other, baseComponent));
  }

  /**
   * Stands in for a union or alternate that could not be read (its error is reported), so that
   * the references to it do not also report an unknown type.
   */
  private void placeholder(TypeElement element, String name, ElementOrigin origin) {
    types.add(new StructDef(name, Optional.empty(), List.of(), List.of(), Condition.ALWAYS, origin, false,
        Optional.of(javaTypes.javaType(element.asType()))));
  }
}
