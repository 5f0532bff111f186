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
 */
public record QmpEvent(String name, ReplyWriter data, long throttleMillis, String throttleKey) {
  public QmpEvent {
    Objects.requireNonNull(name, "name");
  }

  /** An event without rate limit. */
  public QmpEvent(String name, ReplyWriter data) {
    this(name, data, 0, null);
  }
}
