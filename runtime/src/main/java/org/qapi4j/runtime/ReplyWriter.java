package org.qapi4j.runtime;

import tools.jackson.core.JsonGenerator;

/**
 * Writes one JSON value: the {@code return} of a command or the {@code data} of an event. Generated
 * code supplies these; the runtime calls them while it writes the message around the value.
 */
@FunctionalInterface
public interface ReplyWriter {
  /** The reply of a command that returns nothing: {@code {}}. */
  ReplyWriter EMPTY_OBJECT =
      out -> {
        out.writeStartObject();
        out.writeEndObject();
      };

  void write(JsonGenerator out);
}
