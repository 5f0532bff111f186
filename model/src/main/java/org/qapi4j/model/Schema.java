package org.qapi4j.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole schema: its definitions in definition order (implicit types just before the definition
 * that introduced them, as QEMU orders them) and its pragmas.
 *
 * @param name the schema's name
 * @param javaRoot the schema root interface it was read from (empty for a QAPI JSON schema)
 */
public record Schema(
    String name,
    List<Definition> definitions,
    Pragmas pragmas,
    Origin origin,
    Optional<JavaType> javaRoot) {
  public Schema {
    definitions = List.copyOf(definitions);
  }

  /** The first definition of each name (a later duplicate is an error the checks report). */
  public Map<String, Definition> byName() {
    Map<String, Definition> map = new LinkedHashMap<>();
    for (Definition d : definitions) {
      map.putIfAbsent(d.name(), d);
    }
    return map;
  }

  public Optional<Definition> lookup(String name) {
    return definitions.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public <T extends Definition> List<T> all(Class<T> kind) {
    return definitions.stream().filter(kind::isInstance).map(kind::cast).toList();
  }
}
