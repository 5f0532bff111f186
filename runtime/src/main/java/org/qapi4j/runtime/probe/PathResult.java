package org.qapi4j.runtime.probe;

import org.qapi4j.runtime.json.JsonValue.JsonObject;

/**
 * The answer to a query path ({@link IntrospectedSchema#query}).
 *
 * @param status what libvirt's {@code virQEMUQAPISchemaPathGet} would return
 * @param entry the schema entry the path leads to, when it is {@link Status#FOUND} and does not end
 *     with a terminal ({@code ^ ! $}); else null
 * @param component the component read last (where an error was found)
 */
public record PathResult(Status status, JsonObject entry, String component) {
  /** libvirt's return codes: 1, 0, and -1 with its two kinds of error. */
  public enum Status {
    /** 1: the path leads somewhere, or its terminal is true. */
    FOUND,
    /** 0: it does not. */
    NOT_FOUND,
    /** -1: the schema names a type it lacks, nests over 1000 deep, or has a malformed entry. */
    MALFORMED_SCHEMA,
    /** -1: a terminal component followed by another (or, here, an empty component). */
    MALFORMED_QUERY
  }

  public boolean found() {
    return status == Status.FOUND;
  }
}
