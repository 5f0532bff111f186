package org.qapi4j.model.doc;

import java.util.List;

/**
 * One module of a schema: a file of a QAPI JSON schema, or a commands or events interface of a
 * Java schema, with its parts in source order.
 *
 * @param name the module's name: its file as QEMU names it ({@code block-core.json}), or the
 *     interface's simple name
 * @param parts its free text and its definitions, in source order
 */
public record ModuleDoc(String name, List<Part> parts) {
  public ModuleDoc {
    parts = List.copyOf(parts);
  }

  /** A part of a module. */
  public sealed interface Part {}

  /**
   * Free documentation between definitions: a QAPI JSON comment without {@code @symbol:} (which
   * may hold headings, {@code = Title} and {@code == Subtitle}), or an interface's Javadoc.
   */
  public record Text(String text) implements Part {}

  /** A definition, by its wire name; its text, if it has any, is {@link SchemaDoc#of}. */
  public record Definition(String name) implements Part {}

  /** The names of the module's definitions, in order. */
  public List<String> definitionNames() {
    return parts.stream().filter(p -> p instanceof Definition).map(p -> ((Definition) p).name()).toList();
  }
}
