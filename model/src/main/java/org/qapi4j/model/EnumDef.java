package org.qapi4j.model;

import java.util.List;
import java.util.Optional;

/**
 * An enum type (QAPI {@code 'enum'}).
 *
 * @param prefix QAPI's {@code 'prefix'} (only the C names use it)
 * @param javaType the Java enum it is bound to
 * @param implicit true for the enum QAPI predefines, {@code QType} ({@link Predefined#qtype()}):
 *     no schema defines it, and a schema that does is in error
 */
public record EnumDef(
    String name,
    List<EnumValue> values,
    Optional<String> prefix,
    List<Feature> features,
    Condition condition,
    Origin origin,
    Optional<JavaType> javaType,
    boolean implicit)
    implements Definition {
  public EnumDef {
    values = List.copyOf(values);
    features = List.copyOf(features);
  }

  /** An enum the schema defines. */
  public EnumDef(
      String name,
      List<EnumValue> values,
      Optional<String> prefix,
      List<Feature> features,
      Condition condition,
      Origin origin,
      Optional<JavaType> javaType) {
    this(name, values, prefix, features, condition, origin, javaType, false);
  }

  @Override
  public String meta() {
    return "enum";
  }
}
