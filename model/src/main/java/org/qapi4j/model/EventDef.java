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
 * @param throttle the rate limit the server applies, if any (not QAPI: QEMU keeps it in a table)
 */
public record EventDef(
    String name,
    Optional<String> data,
    boolean boxed,
    List<Feature> features,
    Condition condition,
    Origin origin,
    JavaType javaOwner,
    String javaMethod,
    Optional<Throttle> throttle)
    implements Definition {
  /** At most one event per {@code millis} (per value of data member {@code key}, if given). */
  public record Throttle(long millis, Optional<String> key) {}

  public EventDef {
    features = List.copyOf(features);
  }

  /** An event sent without a rate limit. */
  public EventDef(
      String name,
      Optional<String> data,
      boolean boxed,
      List<Feature> features,
      Condition condition,
      Origin origin,
      JavaType javaOwner,
      String javaMethod) {
    this(name, data, boxed, features, condition, origin, javaOwner, javaMethod, Optional.empty());
  }

  @Override
  public String meta() {
    return "event";
  }
}
