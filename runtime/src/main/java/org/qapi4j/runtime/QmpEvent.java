package org.qapi4j.runtime;

import java.util.Objects;

/**
 * An event as an emitter hands it to the runtime.
 *
 * @param name the wire name ({@code "SHUTDOWN"})
 * @param data writes the {@code data} object, or {@code null} for an event without data (the
 *     message then has no {@code data} member)
 */
public record QmpEvent(String name, ReplyWriter data) {
  public QmpEvent {
    Objects.requireNonNull(name, "name");
  }
}
