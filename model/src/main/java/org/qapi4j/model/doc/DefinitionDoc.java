package org.qapi4j.model.doc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documentation of one definition, as QEMU's doc comment parser divides it.
 *
 * @param name the definition's wire name
 * @param body the text before the first member or section, possibly empty
 * @param members the text of each member, argument, enum value or branch, by wire name, in order
 * @param features the text of each feature, by name, in order
 * @param sections the tagged sections ({@code Returns}, {@code Since}, {@code Errors},
 *     {@code Note}, {@code Example}...) and untagged paragraphs after the members, in order
 * @param comment the definition's own comment as written, for the documentation rules; empty when
 *     it has none (a Java enum whose constants alone are documented)
 */
public record DefinitionDoc(
    String name,
    String body,
    Map<String, String> members,
    Map<String, String> features,
    List<Section> sections,
    Optional<DocComment> comment) {
  /** QEMU's section tags, and the Javadoc block tags a Java schema's comments map to them. */
  public static final String SINCE = "Since";
  public static final String RETURNS = "Returns";
  public static final String ERRORS = "Errors";

  public DefinitionDoc {
    members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
    features = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(features));
    sections = List.copyOf(sections);
  }

  /** The documentation of a definition without its comment as written. */
  public DefinitionDoc(
      String name, String body, Map<String, String> members, Map<String, String> features, List<Section> sections) {
    this(name, body, members, features, sections, Optional.empty());
  }

  /**
   * A section: a tag ({@code Since}, {@code Returns}, {@code Example}...) and its text; the tag is
   * empty for an untagged paragraph that follows the members.
   */
  public record Section(String tag, String text) {
    /** An example section, whose text is a QMP exchange ({@code ->} sent, {@code <-} received). */
    public boolean example() {
      return tag.startsWith("Example");
    }
  }

  /** The text of the first section tagged {@code tag}, if any. */
  public Optional<String> section(String tag) {
    return sections.stream().filter(s -> s.tag().equals(tag)).map(Section::text).findFirst();
  }

  /** The version the definition appeared in ({@code Since:}), if told. */
  public Optional<String> since() {
    return section(SINCE).map(String::strip);
  }
}
