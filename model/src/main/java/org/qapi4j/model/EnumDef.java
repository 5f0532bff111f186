package org.qapi4j.model;

import java.util.List;
import java.util.Optional;

/**
 * An enum type (QAPI {@code 'enum'}).
 *
 * @param prefix QAPI's {@code 'prefix'} (only the C names use it)
 * @param javaType the Java enum it is bound to
 */
public record EnumDef(
    String name,
    List<EnumValue> values,
    Optional<String> prefix,
    List<Feature> features,
    Condition condition,
    Origin origin,
    Optional<JavaType> javaType)
    implements Definition {
  public EnumDef {
    values = List.copyOf(values);
    features = List.copyOf(features);
  }

  @Override
  public String meta() {
    return "enum";
  }
}
