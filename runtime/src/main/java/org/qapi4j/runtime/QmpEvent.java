package org.qapi4j.runtime;

import java.util.Objects;

/**
 * An event as an emitter hands it to the runtime.
 *
 * @param name the wire name ({@code "SHUTDOWN"})
 * @param data writes the {@code data} object, or {@code null} for an event without data (the
 *     message then has no {@code data} member)
 * @param throttleMillis the event's rate limit ({@code @Event(throttleMillis)}), 0 for none
 * @param throttleKey the value of the member that keys the rate limit, or null
 * @param features the event's special features ({@link CompatPolicy#DEPRECATED},
 *     {@link CompatPolicy#UNSTABLE}): under {@code -compat deprecated-output=hide} (or
 *     {@code unstable-output=hide}) such an event is not sent
 */
public record QmpEvent(String name, ReplyWriter data, long throttleMillis, String throttleKey, int features) {
  public QmpEvent {
    Objects.requireNonNull(name, "name");
  }

  /** An event without special features. */
  public QmpEvent(String name, ReplyWriter data, long throttleMillis, String throttleKey) {
    this(name, data, throttleMillis, throttleKey, 0);
  }

  /** An event without rate limit or special features. */
  public QmpEvent(String name, ReplyWriter data) {
    this(name, data, 0, null, 0);
  }
}
