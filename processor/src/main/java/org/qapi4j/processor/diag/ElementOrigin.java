package org.qapi4j.processor.diag;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import org.qapi4j.model.Origin;

/**
 * An origin in Java source: the element, and the annotation (and annotation value) most precisely
 * at fault, so that javac underlines {@code coroutine = true} rather than the whole method.
 *
 * @param elsewhere attributes of the definition written on another element (a struct's
 *     {@code base} is its {@code @Base} component)
 * @param derivation for a wire name derived from a Java name ({@code qUnix}), that Java name and
 *     the annotation that would choose another, so a naming error can say how to fix it
 */
public record ElementOrigin(
    Element element,
    Optional<AnnotationMirror> annotation,
    Optional<AnnotationValue> value,
    Optional<Derivation> derivation,
    Map<String, ElementOrigin> elsewhere)
    implements Origin {

  /** A derived wire name: the Java name it came from and how to give another. */
  public record Derivation(String javaName, String fix) {}

  public static ElementOrigin of(Element element) {
    return new ElementOrigin(element, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
  }

  public static ElementOrigin of(Element element, AnnotationMirror annotation) {
    return new ElementOrigin(
        element, Optional.ofNullable(annotation), Optional.empty(), Optional.empty(), Map.of());
  }

  public ElementOrigin derivedFrom(String javaName, String fix) {
    return new ElementOrigin(
        element, annotation, value, Optional.of(new Derivation(javaName, fix)), elsewhere);
  }

  /** This origin, with attribute {@code name} found at {@code origin}. */
  public ElementOrigin withAttribute(String name, ElementOrigin origin) {
    Map<String, ElementOrigin> more = new java.util.HashMap<>(elsewhere);
    more.put(name, origin);
    return new ElementOrigin(element, annotation, value, derivation, Map.copyOf(more));
  }

  /** Points at the explicitly written attribute {@code name} of the annotation, when there is one. */
  @Override
  public Origin attribute(String name) {
    if (elsewhere.containsKey(name)) {
      return elsewhere.get(name);
    }
    if (annotation.isEmpty()) {
      return this;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        annotation.get().getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return new ElementOrigin(element, annotation, Optional.of(e.getValue()), derivation, elsewhere);
      }
    }
    return this;
  }

  @Override
  public String toString() {
    return element.toString();
  }
}
