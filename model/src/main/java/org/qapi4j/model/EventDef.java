package org.qapi4j.model;

import java.util.List;
import java.util.Optional;

/**
 * An event (QAPI {@code 'event'}).
 *
 * @param data the name of the data type (implicit {@code q_obj_NAME-arg} for inline members); empty
 *     when the event carries no data
 * @param javaOwner the events interface that declares it
 * @param javaMethod the interface method it is bound to
 */
public record EventDef(
    String name,
    Optional<String> data,
    boolean boxed,
    List<Feature> features,
    Condition condition,
    Origin origin,
    JavaType javaOwner,
    String javaMethod)
    implements Definition {
  public EventDef {
    features = List.copyOf(features);
  }

  @Override
  public String meta() {
    return "event";
  }
}
