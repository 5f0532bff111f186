package org.qapi4j.model;

import java.util.List;

/**
 * A value of an enum type.
 *
 * @param name the wire name
 * @param javaName the enum constant it is bound to
 */
public record EnumValue(
    String name, List<Feature> features, Condition condition, Origin origin, String javaName) {
  public EnumValue {
    features = List.copyOf(features);
  }
}
