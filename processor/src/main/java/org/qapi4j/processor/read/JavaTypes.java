package org.qapi4j.processor.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.qapi4j.model.Definition;
import org.qapi4j.model.JavaType;
import org.qapi4j.model.Predefined;
import org.qapi4j.model.TypeRef;
import org.qapi4j.processor.diag.ElementOrigin;

/**
 * The mapping of Java types to QAPI types ({@link TypeRef}) and to plain names for the generators
 * ({@link JavaType}), for one schema root: it registers the records, enums and sealed interfaces
 * met, with their QAPI names, to be read in the order first met.
 */
final class JavaTypes {
  private final Elements elements;
  private final Mirrors mirrors;
  private final Problems problems;
  /** The root's type definitions, where the predefined {@code QType} joins on first use. */
  private final List<Definition> types;
  /** Records and enums met so far, by qualified name, with their QAPI names. */
  private final Map<String, String> typeNames = new LinkedHashMap<>();
  private final Deque<TypeElement> toRead = new ArrayDeque<>();

  JavaTypes(Elements elements, Mirrors mirrors, Problems problems, List<Definition> types) {
    this.elements = elements;
    this.mirrors = mirrors;
    this.problems = problems;
    this.types = types;
  }

  /** The next type met and not yet read; null when every one has been. */
  TypeElement nextToRead() {
    return toRead.pollFirst();
  }

  /** The QAPI name of a record, enum or sealed interface met. */
  String qapiName(TypeElement element) {
    return typeNames.get(element.getQualifiedName().toString());
  }

  /**
   * A method's return type as a {@link JavaType}; null for {@code void}, or for a type the
   * reader has refused (a wildcard, a type variable), which is reported apart.
   */
  JavaType declaredJavaType(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return javaType(type);
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    for (TypeMirror arg : ((DeclaredType) type).getTypeArguments()) {
      if (arg.getKind() != TypeKind.DECLARED || declaredJavaType(arg) == null) {
        return null;
      }
    }
    return javaType(type);
  }

  /** The qualified name of a class or interface type; null for any other type. */
  static String qualifiedName(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString()
        : null;
  }

  /** The QAPI type of a Java type, registering records and enums; null (with an error) if none. */
  TypeRef typeRef(TypeMirror type, Element site, String what) {
    switch (type.getKind()) {
      case LONG:
        return TypeRef.named("int");
      case INT:
        return TypeRef.named("int32");
      case SHORT:
        return TypeRef.named("int16");
      case BYTE:
        return TypeRef.named("int8");
      case BOOLEAN:
        return TypeRef.named("bool");
      case DOUBLE:
        return TypeRef.named("number");
      case ERROR:
        throw new JavaReader.Unresolved(type.toString());
      case DECLARED:
        break;
      default:
        problems.form(ElementOrigin.of(site), unsupported(what, type));
        return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String qualified = element.getQualifiedName().toString();
    switch (qualified) {
      case "java.lang.String":
        return TypeRef.named("str");
      case "java.lang.Long":
        return TypeRef.named("int");
      case "java.lang.Integer":
        return TypeRef.named("int32");
      case "java.lang.Short":
        return TypeRef.named("int16");
      case "java.lang.Byte":
        return TypeRef.named("int8");
      case "java.lang.Boolean":
        return TypeRef.named("bool");
      case "java.lang.Double":
        return TypeRef.named("number");
      case "org.qapi4j.runtime.json.JsonValue":
        return TypeRef.named("any");
      case "org.qapi4j.runtime.QNull":
        return TypeRef.named("null");
      case "org.qapi4j.runtime.QType":
        if (typeNames.putIfAbsent(qualified, Predefined.QTYPE) == null) {
          types.add(Predefined.qtype()); // the predefined enum, in order of first use
        }
        return TypeRef.named(Predefined.QTYPE);
      case "java.util.List":
        if (declared.getTypeArguments().size() != 1) {
          problems.form(ElementOrigin.of(site), what + ": a raw List is not a QAPI type; say List<T>");
          return null;
        }
        TypeRef element0 = typeRef(declared.getTypeArguments().get(0), site, what);
        return element0 == null ? null : TypeRef.arrayOf(element0);
      default:
        break;
    }
    boolean sealedUnion = element.getKind() == ElementKind.INTERFACE
        && (mirrors.find(element, Mirrors.UNION).isPresent() || mirrors.find(element, Mirrors.ALTERNATE).isPresent());
    if (element.getKind() == ElementKind.RECORD || element.getKind() == ElementKind.ENUM || sealedUnion) {
      String name = typeNames.get(qualified);
      if (name == null) {
        name = mirrors.name(element).orElse(element.getSimpleName().toString());
        typeNames.put(qualified, name);
        toRead.add(element);
      }
      return TypeRef.named(name);
    }
    problems.form(ElementOrigin.of(site), unsupported(what, type));
    return null;
  }

  private static String unsupported(String what, TypeMirror type) {
    return what + " has type " + type + ", which is not a QAPI type: use String, long, int, short,"
        + " byte, boolean, double (or their boxes), JsonValue (any), QNull (null), QType, List<T>,"
        + " a record (struct), an enum, or a sealed interface (union or alternate)";
  }

  static String boxedName(TypeKind kind) {
    return switch (kind) {
      case LONG -> "Long";
      case INT -> "Integer";
      case SHORT -> "Short";
      case BYTE -> "Byte";
      case BOOLEAN -> "Boolean";
      case DOUBLE -> "Double";
      case CHAR -> "Character";
      case FLOAT -> "Float";
      default -> kind.toString();
    };
  }

  /** The Java type as plain names, for the generators. */
  JavaType javaType(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return JavaType.primitive(type.toString());
    }
    if (!(type instanceof DeclaredType declared)) {
      // A wildcard, a type variable, an array: in a schema the checks refuse (CompletionStage<?>),
      // read before they are reported; Object stands for it.
      return JavaType.of("java.lang", List.of("Object"));
    }
    TypeElement element = (TypeElement) declared.asElement();
    List<String> simpleNames = new ArrayList<>();
    Element e = element;
    while (e.getKind().isClass() || e.getKind().isInterface()) {
      simpleNames.add(0, e.getSimpleName().toString());
      e = e.getEnclosingElement();
    }
    String pkg = elements.getPackageOf(element).getQualifiedName().toString();
    List<JavaType> args = new ArrayList<>();
    for (TypeMirror arg : declared.getTypeArguments()) {
      args.add(javaType(arg));
    }
    return new JavaType(pkg, simpleNames, args);
  }
}
