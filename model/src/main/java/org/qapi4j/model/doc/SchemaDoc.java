package org.qapi4j.model.doc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documentation of a schema, as a reference manual needs it: the schema's modules in include
 * order, each with its free text and its definitions in source order, and each definition's
 * documentation. Both front ends make it: the QAPI JSON reader from {@code ##} comments, the Java
 * front end from Javadoc. The definitions themselves (kinds, members, types) are the
 * {@link org.qapi4j.model.Schema}'s; this holds only their text.
 *
 * @param modules the modules, the main one first, then each in the order it was first included,
 *     a QAPI JSON schema's named by their files relative to the main file's directory
 * @param definitions each documented definition's text, by definition name
 */
public record SchemaDoc(List<ModuleDoc> modules, Map<String, DefinitionDoc> definitions) {
  /** No documentation at all. */
  public static final SchemaDoc EMPTY = new SchemaDoc(List.of(), Map.of());

  public SchemaDoc {
    modules = List.copyOf(modules);
    definitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
  }

  /** The documentation of definition {@code name}, if it has any. */
  public Optional<DefinitionDoc> of(String name) {
    return Optional.ofNullable(definitions.get(name));
  }
}
