package org.qapi4j.processor.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Names;
import org.qapi4j.model.check.Rule;
import org.qapi4j.processor.diag.ElementOrigin;

/**
 * The schema annotations' values as the model has them: {@code @If} conditions, features
 * ({@code @Feature}, {@code @Deprecated}), the wire names of variants, and the origins that point
 * at them.
 */
final class Annotations {
  private final Mirrors mirrors;
  private final Problems problems;

  Annotations(Mirrors mirrors, Problems problems) {
    this.mirrors = mirrors;
    this.problems = problems;
  }

  /** The features of an element: {@code @Deprecated} is {@code deprecated}, then each {@code @Feature}. */
  List<org.qapi4j.model.Feature> features(Element e) {
    List<org.qapi4j.model.Feature> out = new ArrayList<>();
    Optional<AnnotationMirror> deprecated = mirrors.find(e, "java.lang.Deprecated");
    if (deprecated.isPresent()) {
      out.add(new org.qapi4j.model.Feature(
          org.qapi4j.model.Feature.DEPRECATED, Condition.ALWAYS, ElementOrigin.of(e, deprecated.get())));
    } else if (e instanceof RecordComponentElement c && c.getAccessor() != null
        && mirrors.find(c.getAccessor(), "java.lang.Deprecated").isPresent()) {
      // @Deprecated cannot target a record component: javac keeps it on the accessor (and field).
      out.add(new org.qapi4j.model.Feature(org.qapi4j.model.Feature.DEPRECATED, Condition.ALWAYS, ElementOrigin.of(e)));
    }
    for (Map.Entry<String, AnnotationMirror> f : mirrors.features(e)) {
      String text = mirrors.string(f.getValue(), "condition");
      Condition c = text.isEmpty() ? Condition.ALWAYS
          : parseCondition(text, ElementOrigin.of(e, f.getValue()).attribute("condition"));
      out.add(new org.qapi4j.model.Feature(f.getKey(), c, ElementOrigin.of(e, f.getValue()).attribute("value")));
    }
    return out;
  }

  /** The element's {@code @If} condition; always, if it has none. */
  Condition condition(Element e) {
    Optional<AnnotationMirror> mirror = mirrors.find(e, Mirrors.IF);
    if (mirror.isEmpty()) {
      return Condition.ALWAYS;
    }
    AnnotationMirror m = mirror.get();
    ElementOrigin at = ElementOrigin.of(e, m);
    Set<String> given = new HashSet<>();
    m.getElementValues().keySet().forEach(k -> given.add(k.getSimpleName().toString()));
    if (given.size() != 1) {
      // QEMU's text for an 'if' object without exactly one of all, any and not, then the Java fix.
      problems.rule(Rule.IF_CONFLICTING, at, "'if' condition of " + conditionSource(e) + " has conflicting keys: "
          + (given.isEmpty()
              ? "@If needs a condition: @If(\"SYMBOL\"), @If(all = {...}), @If(any = {...}) or @If(not = \"...\")"
              : "@If takes one of value, all, any and not; to combine them, nest: @If(all = {\"A\", \"not(B)\"})"));
      return Condition.ALWAYS;
    }
    if (given.contains("value")) {
      return parseCondition(mirrors.string(m, "value"), at.attribute("value"));
    }
    if (given.contains("not")) {
      return new Condition.Not(parseCondition(mirrors.string(m, "not"), at.attribute("not")));
    }
    String attribute = given.contains("all") ? "all" : "any";
    List<String> texts = mirrors.strings(m, attribute);
    if (texts.isEmpty()) {
      problems.rule(Rule.IF_EMPTY, at.attribute(attribute),
          "'if' condition [] of " + conditionSource(e) + " is useless");
      return Condition.ALWAYS;
    }
    List<Condition> operands = new ArrayList<>();
    for (String operand : texts) {
      operands.add(parseCondition(operand, at.attribute(attribute)));
    }
    return attribute.equals("all") ? new Condition.All(operands) : new Condition.Any(operands);
  }

  /** A condition in the text form; a blank one is a symbol, which the checks reject as QEMU does. */
  Condition parseCondition(String text, org.qapi4j.model.Origin at) {
    if (text.isBlank()) {
      return new Condition.Symbol(text);
    }
    try {
      return org.qapi4j.model.ConditionSyntax.parse(text);
    } catch (IllegalArgumentException ex) {
      problems.form(at, ex.getMessage());
      return Condition.ALWAYS;
    }
  }

  /** QEMU's description of what an element's condition is on: {@code struct}, {@code 'data' member 'x'}. */
  String conditionSource(Element e) {
    switch (e.getKind()) {
      case METHOD:
        return mirrors.find(e, Mirrors.COMMAND).isPresent() ? "command" : "event";
      case RECORD:
        return isVariant((TypeElement) e) ? "'data' member '" + variantName((TypeElement) e) + "'" : "struct";
      case ENUM:
      case INTERFACE:
        return meta((TypeElement) e);
      case ENUM_CONSTANT:
        return "'data' member '" + mirrors.name(e).orElse(Names.enumValue(e.getSimpleName().toString())) + "'";
      default:
        return "'data' member '" + (mirrors.find(e, Mirrors.OPTIONAL).isPresent() ? "*" : "")
            + mirrors.name(e).orElse(Names.kebab(e.getSimpleName().toString())) + "'";
    }
  }

  /** True for a record that is a branch of a union or alternate. */
  boolean isVariant(TypeElement r) {
    for (TypeMirror i : r.getInterfaces()) {
      if (i instanceof DeclaredType d
          && (mirrors.find(d.asElement(), Mirrors.UNION).isPresent()
              || mirrors.find(d.asElement(), Mirrors.ALTERNATE).isPresent())) {
        return true;
      }
    }
    return false;
  }

  String variantName(TypeElement r) {
    return mirrors.name(r).orElse(Names.kebab(r.getSimpleName().toString()));
  }

  ElementOrigin variantOrigin(TypeElement r) {
    Optional<AnnotationMirror> n = mirrors.find(r, Mirrors.NAME);
    ElementOrigin origin = withIf(n.map(m -> ElementOrigin.of(r, m)).orElse(ElementOrigin.of(r)), r);
    return n.isPresent() ? origin : origin.derivedFrom(r.getSimpleName().toString(), "@Name(\"...\")");
  }

  /** The origin, with its {@code @If} (if any) as attribute {@code if}. */
  ElementOrigin withIf(ElementOrigin origin, Element e) {
    Optional<AnnotationMirror> mirror = mirrors.find(e, Mirrors.IF);
    return mirror.isEmpty() ? origin : origin.withAttribute("if", ElementOrigin.of(e, mirror.get()));
  }

  /** QAPI's word for the definition a type element reads as. */
  String meta(TypeElement element) {
    return switch (element.getKind()) {
      case RECORD -> "struct";
      case ENUM -> "enum";
      default -> mirrors.find(element, Mirrors.UNION).isPresent() ? "union" : "alternate";
    };
  }
}
