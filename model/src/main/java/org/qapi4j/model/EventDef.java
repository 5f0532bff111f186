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
 * @param dataParameters for data given as a named struct's members one by one in Java
 *     ({@code @Event(data = S.class)}), the method's parameters, each as the member it declares:
 *     the checks hold them against {@code S}'s, the generators bind them to those; empty for any
 *     other form, and for a schema read from QAPI JSON
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
    Optional<Throttle> throttle,
    Optional<List<Member>> dataParameters)
    implements Definition {
  /** At most one event per {@code millis} (per value of data member {@code key}, if given). */
  public record Throttle(long millis, Optional<String> key) {}

  public EventDef {
    features = List.copyOf(features);
    dataParameters = dataParameters.map(List::copyOf);
  }

  /** An event whose data, if any, is not a named struct's members declared one by one. */
  public EventDef(
      String name,
      Optional<String> data,
      boolean boxed,
      List<Feature> features,
      Condition condition,
      Origin origin,
      JavaType javaOwner,
      String javaMethod,
      Optional<Throttle> throttle) {
    this(name, data, boxed, features, condition, origin, javaOwner, javaMethod, throttle, Optional.empty());
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
