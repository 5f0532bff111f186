package org.qapi4j.qapijson;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qapi4j.model.Definition;

/**
 * The Java the importer wrote for a schema, and where each definition landed in it: so that what
 * javac and the processor say of a line of the Java can be said of the definition in the schema
 * ({@code qapi4j check --via-javac}).
 *
 * @param files each file's path relative to the source root (with the package's directories) to
 *     its contents, in a stable order
 * @param placements for each file that holds definitions, where each one is, in line order: the
 *     whole file for a type (a union's inline base is the union's), a method with its Javadoc and
 *     annotations for a command or event; nothing for the schema's root
 */
public record JavaSources(Map<String, String> files, Map<String, List<Placement>> placements) {
  public JavaSources {
    files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    placements = Map.copyOf(placements);
  }

  /** Lines {@code firstLine} to {@code lastLine} (1-based, inclusive) are {@code definition}'s. */
  public record Placement(int firstLine, int lastLine, Definition definition) {}

  /**
   * The definition line {@code line} of {@code file} belongs to: the one placed there, else (a
   * line of an interface's own, such as its declaration) the next one in the file, else the last.
   * Empty for a file that holds no definition.
   */
  public Optional<Definition> definitionAt(String file, long line) {
    List<Placement> placed = placements.getOrDefault(file, List.of());
    for (Placement p : placed) {
      if (line <= p.lastLine()) {
        return Optional.of(p.definition());
      }
    }
    return placed.isEmpty() ? Optional.empty() : Optional.of(placed.get(placed.size() - 1).definition());
  }
}
