package org.qapi4j.processor.read;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.check.Rule;
import org.qapi4j.processor.diag.ElementOrigin;

/** The Javadoc of the schema's definitions, checked against them as QEMU checks its doc comments. */
final class DocChecks {
  private final Problems problems;

  DocChecks(Problems problems) {
    this.problems = problems;
  }

  /**
   * QEMU's checks of a doc comment against its definition, on Javadoc: every {@code @param} names
   * a record component or method parameter, once; {@code @return} and {@code @since} come once,
   * and {@code @return} only on a command. (Type parameters, {@code @param <T>}, are Java's.)
   */
  void check(Definition d, Element element, String doc) {
    java.util.Set<String> known = new java.util.HashSet<>();
    if (element instanceof ExecutableElement method) {
      method.getParameters().forEach(p -> known.add(p.getSimpleName().toString()));
    } else if (element instanceof TypeElement type && type.getKind() == ElementKind.RECORD) {
      type.getRecordComponents().forEach(c -> known.add(c.getSimpleName().toString()));
    }
    ElementOrigin at = ElementOrigin.of(element);
    java.util.Set<String> documented = new java.util.LinkedHashSet<>();
    List<String> bogus = new ArrayList<>();
    int returns = 0;
    int since = 0;
    for (int line = 0, end; line < doc.length(); line = end + 1) {
      end = doc.indexOf('\n', line);
      if (end < 0) {
        end = doc.length();
      }
      String[] words = tagWords(doc, line, end);
      if (words == null) {
        continue;
      }
      switch (words[0]) {
        case "@param" -> {
          if (words.length < 2 || words[1].startsWith("<")) {
            continue;
          }
          if (!documented.add(words[1])) {
            problems.doc(Rule.DOC_DUPLICATE_SECTION, at, "'" + words[1] + "' parameter name duplicated");
          } else if (!known.contains(words[1])) {
            bogus.add(words[1]);
          }
        }
        case "@return" -> {
          if (++returns == 2) {
            problems.doc(Rule.DOC_DUPLICATE_SECTION, at, "duplicated '@return' section");
          }
        }
        case "@since" -> {
          if (++since == 2) {
            problems.doc(Rule.DOC_DUPLICATE_SECTION, at, "duplicated '@since' section");
          }
        }
        default -> { }
      }
    }
    if (returns > 0 && !(d instanceof CommandDef)) {
      problems.doc(Rule.DOC_RETURNS_NON_COMMAND, at, "'@return' is only valid for commands");
    }
    if (!bogus.isEmpty()) {
      boolean many = bogus.size() > 1;
      problems.doc(Rule.DOC_BOGUS_MEMBER, at, "documented member" + (many ? "s" : "") + " '"
          + String.join("', '", bogus) + "' " + (many ? "do" : "does") + " not exist");
    }
  }

  /**
   * The block tag of a Javadoc line and the word after it ({@code ["@param", "x"]}), or
   * {@code null} if the line does not start with a block tag. Split by hand: the doc of every
   * definition goes through here, and a regex per line was a fifth of the processor's thread.
   */
  private static String[] tagWords(String doc, int from, int to) {
    int tag = skip(doc, from, to, true);
    if (tag == to || doc.charAt(tag) != '@') {
      return null;
    }
    int tagEnd = skip(doc, tag, to, false);
    int word = skip(doc, tagEnd, to, true);
    String name = doc.substring(tag, tagEnd);
    return word == to ? new String[] {name} : new String[] {name, doc.substring(word, skip(doc, word, to, false))};
  }

  /** The first index from {@code i} (below {@code to}) whose character's whitespace is not {@code space}. */
  private static int skip(String s, int i, int to, boolean space) {
    while (i < to && Character.isWhitespace(s.charAt(i)) == space) {
      i++;
    }
    return i;
  }
}
