package org.qapi4j.model;

import java.util.List;

/**
 * The Java type a schema element is bound to, as plain names: generators turn it into source. The
 * model stays free of {@code javax.lang.model}.
 *
 * @param packageName the package, empty for primitives and the default package
 * @param simpleNames the simple names from the outermost class inwards ({@code [Outer, Inner]}), or
 *     the primitive's keyword alone
 * @param typeArguments the type arguments ({@code List<String>})
 */
public record JavaType(String packageName, List<String> simpleNames, List<JavaType> typeArguments) {
  public JavaType {
    simpleNames = List.copyOf(simpleNames);
    typeArguments = List.copyOf(typeArguments);
  }

  public static JavaType primitive(String keyword) {
    return new JavaType("", List.of(keyword), List.of());
  }

  public static JavaType of(String packageName, List<String> simpleNames) {
    return new JavaType(packageName, simpleNames, List.of());
  }

  public boolean isPrimitive() {
    return packageName.isEmpty()
        && simpleNames.size() == 1
        && typeArguments.isEmpty()
        && switch (simpleNames.get(0)) {
          case "boolean", "byte", "short", "int", "long", "char", "float", "double" -> true;
          default -> false;
        };
  }

  public String qualifiedName() {
    String simple = String.join(".", simpleNames);
    return packageName.isEmpty() ? simple : packageName + "." + simple;
  }

  // Written out, as TypeRef's are: a record's generated equals and hashCode are bootstrapped on
  // first use, which costs the processor's fresh JVM more than all the comparisons after.
  @Override
  public boolean equals(Object o) {
    return o instanceof JavaType t
        && packageName.equals(t.packageName)
        && simpleNames.equals(t.simpleNames)
        && typeArguments.equals(t.typeArguments);
  }

  @Override
  public int hashCode() {
    return (packageName.hashCode() * 31 + simpleNames.hashCode()) * 31 + typeArguments.hashCode();
  }

  @Override
  public String toString() {
    if (typeArguments.isEmpty()) {
      return qualifiedName();
    }
    StringBuilder sb = new StringBuilder(qualifiedName()).append('<');
    for (int i = 0; i < typeArguments.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(typeArguments.get(i));
    }
    return sb.append('>').toString();
  }
}
