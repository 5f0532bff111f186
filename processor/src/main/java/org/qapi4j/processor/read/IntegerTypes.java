package org.qapi4j.processor.read;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.element.TypeElement;
import org.qapi4j.model.TypeRef;

/**
 * {@code @Type}: the QAPI integer type of a member whose Java type does not say it, checked
 * against what the Java type can hold.
 */
final class IntegerTypes {
  /** For each integer type, the Java types (primitive keywords) wide enough for all its values. */
  private static final Map<String, List<String>> HOLDERS =
      Map.of(
          "int", List.of("long"),
          "int64", List.of("long"),
          "int32", List.of("int", "long"),
          "int16", List.of("short", "int", "long"),
          "int8", List.of("byte", "short", "int", "long"),
          "uint8", List.of("short", "int", "long"),
          "uint16", List.of("int", "long"),
          "uint32", List.of("long"),
          "uint64", List.of("long"),
          "size", List.of("long"));

  /** For lists, the one element type the generated readers produce. */
  private static final Map<String, String> LIST_ELEMENT =
      Map.of(
          "int", "long", "int64", "long", "int32", "int", "int16", "short", "int8", "byte",
          "uint8", "short", "uint16", "int", "uint32", "long", "uint64", "long", "size", "long");

  private IntegerTypes() {}

  /**
   * The member's type with {@code qapiType} in place of the integer type its Java type derived, or
   * null (after reporting) when the Java type cannot hold it.
   */
  static TypeRef override(TypeRef derived, TypeMirror javaType, String qapiType, Consumer<String> problem) {
    List<String> holders = HOLDERS.get(qapiType);
    if (holders == null) {
      problem.accept("@Type names an integer type (" + String.join(", ", HOLDERS.keySet().stream().sorted().toList())
          + "), not '" + qapiType + "'");
      return null;
    }
    if (derived instanceof TypeRef.Array) {
      String element = primitive(((DeclaredType) javaType).getTypeArguments().get(0));
      if (!LIST_ELEMENT.get(qapiType).equals(element)) {
        problem.accept("a list of " + qapiType + " is List<" + box(LIST_ELEMENT.get(qapiType)) + ">");
        return null;
      }
      return TypeRef.arrayOf(TypeRef.named(qapiType));
    }
    String held = primitive(javaType);
    if (held == null || !holders.contains(held)) {
      problem.accept("@Type(\"" + qapiType + "\") needs a Java type that holds all its values: "
          + String.join(", ", holders.stream().map(h -> h + " or " + box(h)).toList()) + ", not " + javaType);
      return null;
    }
    return TypeRef.named(qapiType);
  }

  /** The primitive keyword of a primitive or boxed integer type, else null. */
  private static String primitive(TypeMirror t) {
    if (t.getKind().isPrimitive()) {
      return t.getKind() == TypeKind.BOOLEAN || t.getKind() == TypeKind.DOUBLE ? null : t.toString();
    }
    if (t instanceof DeclaredType d) {
      return switch (((TypeElement) d.asElement()).getQualifiedName().toString()) {
        case "java.lang.Long" -> "long";
        case "java.lang.Integer" -> "int";
        case "java.lang.Short" -> "short";
        case "java.lang.Byte" -> "byte";
        default -> null;
      };
    }
    return null;
  }

  private static String box(String primitive) {
    return switch (primitive) {
      case "long" -> "Long";
      case "int" -> "Integer";
      case "short" -> "Short";
      default -> "Byte";
    };
  }
}
