package org.qapi4j.model.doc;

import java.util.List;
import java.util.Locale;
import org.qapi4j.model.Origin;

/**
 * A definition's doc comment as written: what the documentation rules read
 * ({@code model/check/DocRules}). Where the comment is, its syntax, and what it documents in the
 * order written, a name or section written twice kept twice.
 *
 * @param origin where the comment is: a QAPI JSON comment's {@code ##} line, the Java element
 *     whose Javadoc it is
 * @param syntax the comment's language
 * @param tags the members, features and sections it documents, in the order written
 */
public record DocComment(Origin origin, Syntax syntax, List<Tag> tags) {
  public DocComment {
    tags = List.copyOf(tags);
  }

  /**
   * The language of a comment, which decides how it names what it documents, how the messages
   * quote its sections, and what it must document.
   */
  public enum Syntax {
    /**
     * QEMU's {@code ##} comments: {@code @name:} documents a member, argument, enum value or
     * alternate branch by its wire name, a {@code Features:} list each feature (all of them must
     * be there), {@code Returns:} and {@code Since:} are sections.
     */
    QAPI,
    /**
     * Javadoc: {@code @param} documents a method's parameter or a record's component by its Java
     * name; {@code @return} and {@code @since} are sections. An enum constant or an alternative is
     * documented in its own comment, and a feature has no tag.
     */
    JAVADOC;

    /** A section's name in {@code duplicated 'X' section}: {@code Returns}, {@code @return}. */
    public String sectionName(String tag) {
      return this == QAPI ? tag : javadocTag(tag);
    }

    /** A section's tag as written: {@code Returns:}, {@code @return}. */
    public String sectionTag(String tag) {
      return this == QAPI ? tag + ":" : javadocTag(tag);
    }

    /** Whether every feature must be documented (QEMU 7.2's rule; Javadoc has no place for it). */
    public boolean requiresFeatures() {
      return this == QAPI;
    }

    private static String javadocTag(String tag) {
      return switch (tag) {
        case DefinitionDoc.RETURNS -> "@return";
        case DefinitionDoc.SINCE -> "@since";
        default -> "@" + tag.toLowerCase(Locale.ROOT);
      };
    }
  }

  /** What a tag documents. */
  public enum Kind {
    /** A member, argument, enum value or branch ({@code @name:}, {@code @param name}). */
    MEMBER,
    /**
     * A Javadoc {@code @param} of a Java parameter or record component that is no QAPI member: a
     * boxed command's argument record, a record's {@code @Base} component. It may be documented
     * (once), as any parameter.
     */
    PARAMETER,
    /** A feature (in QEMU's {@code Features:} list). */
    FEATURE,
    /** A section ({@code Returns}, {@code Since}, {@code Note}...), by its tag. */
    SECTION
  }

  /**
   * One thing a comment documents, named as the comment names it: a member by its wire name
   * ({@link Syntax#QAPI}) or its Java name ({@link Syntax#JAVADOC}), a section by its tag
   * ({@code Returns}, {@code Since}...).
   */
  public record Tag(Kind kind, String name) {}
}
