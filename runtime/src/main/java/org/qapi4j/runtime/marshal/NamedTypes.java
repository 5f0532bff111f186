package org.qapi4j.runtime.marshal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * The named types of one schema (structs, unions, alternates, enums), by number: what the
 * table-driven {@link ObjectType} and {@link ValueType} call for a member or element of such a
 * type. The generated {@code _Marshal} class implements it as two switches over its readers and
 * writers.
 */
public interface NamedTypes {
  /**
   * Reads a value of named type number {@code type}; the parser is on its first token. {@code path}
   * and {@code name} as in {@link Input}.
   */
  Object read(int type, JsonParser p, String path, String name);

  /** Writes a value of named type number {@code type}. */
  void write(int type, JsonGenerator out, Object value);
}
