package org.qapi4j.model;

import java.util.List;
import java.util.Optional;

/**
 * An alternate (QAPI {@code 'alternate'}): a value of one of several types that differ in JSON
 * type, so that the JSON value itself says which.
 *
 * @param javaType the sealed interface it is bound to
 */
public record AlternateDef(
    String name,
    List<Variant> variants,
    List<Feature> features,
    Condition condition,
    Origin origin,
    Optional<JavaType> javaType)
    implements Definition {
  public AlternateDef {
    variants = List.copyOf(variants);
    features = List.copyOf(features);
  }

  @Override
  public String meta() {
    return "alternate";
  }
}
