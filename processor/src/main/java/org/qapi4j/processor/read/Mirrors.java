package org.qapi4j.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads annotations as mirrors, by qualified name: no {@code Class} literals, so class-valued
 * attributes never throw {@code MirroredTypeException}, and every value keeps its position.
 */
final class Mirrors {
  static final String SCHEMA = "org.qapi4j.annotations.Schema";
  static final String COMMAND = "org.qapi4j.annotations.Command";
  static final String EVENT = "org.qapi4j.annotations.Event";
  static final String NAME = "org.qapi4j.annotations.Name";
  static final String OPTIONAL = "org.qapi4j.annotations.Optional";
  static final String TYPE = "org.qapi4j.annotations.Type";
  static final String BASE = "org.qapi4j.annotations.Base";
  static final String UNION = "org.qapi4j.annotations.Union";
  static final String FEATURE = "org.qapi4j.annotations.Feature";
  static final String FEATURES = "org.qapi4j.annotations.Features";
  static final String ALTERNATE = "org.qapi4j.annotations.Alternate";
  static final String IF = "org.qapi4j.annotations.If";

  private final Elements elements;

  private final Map<AnnotationMirror, Map<String, AnnotationValue>> values = new java.util.IdentityHashMap<>();

  Mirrors(Elements elements) {
    this.elements = elements;
  }

  /** The annotations' qualified names as the compiler's names, which compare without decoding. */
  private final Map<String, Name> names = new java.util.HashMap<>();

  /**
   * The element's annotation of this type, if any. Compared as {@code Name}s: javac's
   * {@code contentEquals} decodes the name into a new string on every call, and the reader asks
   * each of a schema's thousands of elements for several annotations.
   */
  Optional<AnnotationMirror> find(Element element, String annotation) {
    Name name = qualifiedName(annotation);
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) m.getAnnotationType().asElement();
      if (type.getQualifiedName().equals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** An annotation's qualified name as the compiler's {@code Name}, looked up once. */
  private Name qualifiedName(String annotation) {
    return names.computeIfAbsent(annotation, elements::getName);
  }

  AnnotationValue annotationValue(AnnotationMirror mirror, String name) {
    AnnotationValue value = values(mirror).get(name);
    if (value == null) {
      throw new IllegalArgumentException("no attribute " + name + " in " + mirror);
    }
    return value;
  }

  /**
   * The attributes of an annotation, defaults included, by name: looked up once per annotation
   * (javac builds the map with the defaults afresh on every call).
   */
  private Map<String, AnnotationValue> values(AnnotationMirror mirror) {
    return values.computeIfAbsent(mirror, m -> {
      Map<String, AnnotationValue> byName = new java.util.HashMap<>();
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
          elements.getElementValuesWithDefaults(m).entrySet()) {
        byName.put(e.getKey().getSimpleName().toString(), e.getValue());
      }
      return byName;
    });
  }

  Object value(AnnotationMirror mirror, String name) {
    return annotationValue(mirror, name).getValue();
  }

  String string(AnnotationMirror mirror, String name) {
    return (String) annotationValue(mirror, name).getValue();
  }

  boolean bool(AnnotationMirror mirror, String name) {
    return (Boolean) annotationValue(mirror, name).getValue();
  }

  List<String> strings(AnnotationMirror mirror, String name) {
    List<String> out = new ArrayList<>();
    for (Object v : (List<?>) annotationValue(mirror, name).getValue()) {
      out.add((String) ((AnnotationValue) v).getValue());
    }
    return out;
  }

  List<DeclaredType> types(AnnotationMirror mirror, String name) {
    List<DeclaredType> out = new ArrayList<>();
    for (Object v : (List<?>) annotationValue(mirror, name).getValue()) {
      Object t = ((AnnotationValue) v).getValue();
      if (t instanceof DeclaredType d) {
        out.add(d);
      } else if (t instanceof TypeMirror) {
        throw new JavaReader.Unresolved(String.valueOf(t));
      }
    }
    return out;
  }

  /** Every {@code @Feature} of the element (repeated or not), in order, with its mirror. */
  List<Map.Entry<String, AnnotationMirror>> features(Element element) {
    List<Map.Entry<String, AnnotationMirror>> out = new ArrayList<>();
    Name feature = qualifiedName(FEATURE);
    Name features = qualifiedName(FEATURES);
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      Name type = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName();
      if (type.equals(feature)) {
        out.add(Map.entry(string(m, "value"), m));
      } else if (type.equals(features)) {
        for (Object v : (List<?>) annotationValue(m, "value").getValue()) {
          AnnotationMirror inner = (AnnotationMirror) ((AnnotationValue) v).getValue();
          out.add(Map.entry(string(inner, "value"), inner));
        }
      }
    }
    return out;
  }

  /** The value of {@code @Name} on the element, if any. */
  Optional<String> name(Element element) {
    return find(element, NAME).map(m -> string(m, "value"));
  }
}
