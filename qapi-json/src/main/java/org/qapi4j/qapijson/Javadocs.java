package org.qapi4j.qapijson;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qapi4j.model.Member;

/**
 * A QAPI doc comment as Javadoc: its body and sections as paragraphs (the members' descriptions
 * go to the components and parameters, whose {@code @param} lines JavaPoet writes).
 */
final class Javadocs {
  private static final Pattern QAPI_REF = Pattern.compile("@([A-Za-z][\\w-]*\\w|[A-Za-z])|@");

  private Javadocs() {}

  /**
   * A definition's doc comment as Javadoc: body, then sections ({@code Example:} as
   * {@code <pre>}), each a paragraph. A definition documented only member by member (an enum's
   * values) keeps a comment of its own ({@code Name.}), which {@code @Schema(docRequired = true)}
   * asks for as QEMU's doc-required does, unless {@code documentedMembers} carry it. Empty without
   * a doc comment.
   */
  static CodeBlock of(QapiDoc doc, boolean documentedMembers) {
    List<String> paragraphs = new ArrayList<>();
    if (doc != null) {
      if (!doc.bodyText().isEmpty()) {
        paragraphs.add(escape(doc.bodyText()));
      }
      for (QapiDoc.Section s : doc.sections()) {
        if (s.name() == null) {
          paragraphs.add(escape(s.text()));
        } else if (s.name().startsWith("Example")) {
          paragraphs.add("<p>" + s.name() + ":\n<pre>\n" + escape(s.text()) + "\n</pre>");
        } else {
          paragraphs.add("<p>" + s.name() + ": " + escape(s.text()));
        }
      }
    }
    if (paragraphs.isEmpty()) {
      if (documentedMembers || doc == null || doc.symbol() == null) {
        return CodeBlock.of("");
      }
      paragraphs.add(escape(doc.symbol()) + ".");
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < paragraphs.size(); i++) {
      String p = paragraphs.get(i);
      if (i > 0) {
        sb.append('\n');
        if (!p.startsWith("<p>")) {
          p = "<p>" + p;
        }
      }
      sb.append(p).append('\n');
    }
    return text(sb.toString());
  }

  /** Text of our own, taken as it is (it may hold {@code {@code ...}}). */
  static CodeBlock text(String text) {
    return CodeBlock.of("$L", text.endsWith("\n") ? text : text + "\n");
  }

  /** A member's description (an enum value's, an alternate branch's) as Javadoc. */
  static CodeBlock member(QapiDoc doc, String member) {
    QapiDoc.Section s = doc == null ? null : doc.args().get(member);
    return s == null || s.text().isEmpty() ? CodeBlock.of("") : text(escape(s.text()));
  }

  /**
   * The descriptions of members, under their Java names ({@code names}, in the same order), for
   * the members documented.
   */
  static Map<String, String> members(QapiDoc doc, List<Member> members, List<String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    if (doc == null) {
      return out;
    }
    for (int i = 0; i < members.size(); i++) {
      QapiDoc.Section s = doc.args().get(members.get(i).name());
      if (s != null && !s.text().isEmpty()) {
        out.put(names.get(i), s.text());
      }
    }
    return out;
  }

  /** Doc text as Javadoc: HTML escaped, QAPI's {@code @name} references as code. */
  static String escape(String text) {
    String html = text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;")
        .replace("\\", "&#92;");
    Matcher m = QAPI_REF.matcher(html);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, m.group(1) == null ? "&#64;" : "{@code " + m.group(1) + "}");
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
