package org.qapi4j.qapijson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qapi4j.model.doc.DocComment;

/**
 * A {@code ##} documentation comment, parsed as QEMU 7.2 parses it: a free-form block, or the
 * documentation of one definition ({@code @symbol:} first) with its body, one section per member
 * ({@code @name:}), a {@code Features:} list, and tagged sections ({@code Returns:},
 * {@code Since:}, {@code Note:}, {@code Example:}...). The importer turns it into Javadoc.
 */
public final class QapiDoc {
  /** A section of text: the body, a member's or feature's description, or a tagged section. */
  public static final class Section {
    private final QapiParser parser;
    private final String name;
    private final int indent;
    private String text = "";

    Section(QapiParser parser, String name, int indent) {
      this.parser = parser;
      this.name = name;
      this.indent = indent;
    }

    /** The section's tag ({@code Returns}, {@code Since}...) or member name; null for the body. */
    public String name() {
      return name;
    }

    public String text() {
      return text;
    }

    void append(String line) throws QapiError {
      if (!line.isEmpty()) {
        int lead = 0;
        while (lead < line.length() && Character.isWhitespace(line.charAt(lead))) {
          lead++;
        }
        if (lead < indent) {
          throw parser.error("unexpected de-indent (expected at least " + indent + " spaces)");
        }
        line = line.substring(indent);
      }
      text += line.stripTrailing() + "\n";
    }
  }

  private static final Pattern ARG_HEAD = Pattern.compile("@\\S*:\\s*");
  private static final Pattern TAG_HEAD = Pattern.compile("\\S*:\\s*");
  private static final Pattern FREEFORM_ARG = Pattern.compile("(@\\S+:)");

  private enum Mode { BODY, ARGS, FEATURES, VARIOUS }

  private final QapiParser parser;
  private final SourceInfo info;
  private String symbol;
  private final Section body;
  private final Map<String, Section> args = new LinkedHashMap<>();
  private final Map<String, Section> features = new LinkedHashMap<>();
  private final List<Section> sections = new ArrayList<>();
  private Section section;
  private Mode mode = Mode.BODY;

  QapiDoc(QapiParser parser, SourceInfo info) {
    this.parser = parser;
    this.info = info;
    this.body = new Section(parser, null, 0);
    this.section = body;
  }

  /** The position of the comment's opening {@code ##}. */
  public SourceInfo info() {
    return info;
  }

  /** The definition documented ({@code @symbol:}), or null for free-form documentation. */
  public String symbol() {
    return symbol;
  }

  public String bodyText() {
    return body.text;
  }

  /** Member (argument, branch, enum value) descriptions by name, in order. */
  public Map<String, Section> args() {
    return Collections.unmodifiableMap(args);
  }

  public Map<String, Section> features() {
    return Collections.unmodifiableMap(features);
  }

  /** The tagged sections ({@code Returns}, {@code Since}, {@code Note}, ...) in order. */
  public List<Section> sections() {
    return Collections.unmodifiableList(sections);
  }

  boolean hasSection(String name) {
    return sections.stream().anyMatch(s -> name.equals(s.name));
  }

  void append(String line) throws QapiError {
    line = line.substring(1);
    if (line.isEmpty()) {
      appendFreeform(line);
      return;
    }
    if (line.charAt(0) != ' ') {
      throw parser.error("missing space after #");
    }
    line = line.substring(1);
    switch (mode) {
      case BODY -> appendBodyLine(line);
      case ARGS -> appendArgsLine(line);
      case FEATURES -> appendFeaturesLine(line);
      case VARIOUS -> appendVariousLine(line);
    }
  }

  void endComment() throws QapiError {
    endSection();
  }

  private static boolean isSectionTag(String name) {
    return switch (name) {
      case "Returns:", "Since:", "Note:", "Notes:", "Example:", "Examples:", "TODO:" -> true;
      default -> false;
    };
  }

  private static String firstWord(String line) {
    int sp = line.indexOf(' ');
    return sp < 0 ? line : line.substring(0, sp);
  }

  private void appendBodyLine(String line) throws QapiError {
    String name = firstWord(line);
    if (symbol == null && body.text.isEmpty() && line.startsWith("@")) {
      if (!line.endsWith(":")) {
        throw parser.error("line should end with ':'");
      }
      symbol = line.substring(1, line.length() - 1);
      if (symbol.isEmpty()) {
        throw parser.error("name required after '@'");
      }
    } else if (symbol != null) {
      if (name.startsWith("@") && name.endsWith(":")) {
        mode = Mode.ARGS;
        appendArgsLine(line);
      } else if (line.equals("Features:")) {
        mode = Mode.FEATURES;
      } else if (isSectionTag(name)) {
        mode = Mode.VARIOUS;
        appendVariousLine(line);
      } else {
        appendFreeform(line);
      }
    } else {
      appendFreeform(line);
    }
  }

  private void appendArgsLine(String line) throws QapiError {
    String name = firstWord(line);
    if (name.startsWith("@") && name.endsWith(":")) {
      int indent = headed(ARG_HEAD, line);
      line = shift(line, indent);
      startSymbolSection(args, name.substring(1, name.length() - 1), line.isEmpty() ? 0 : indent);
    } else if (isSectionTag(name)) {
      mode = Mode.VARIOUS;
      appendVariousLine(line);
      return;
    } else if (section.text.endsWith("\n\n") && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
      if (line.equals("Features:")) {
        mode = Mode.FEATURES;
      } else {
        startSection(null, 0);
        mode = Mode.VARIOUS;
        appendVariousLine(line);
      }
      return;
    }
    appendFreeform(line);
  }

  private void appendFeaturesLine(String line) throws QapiError {
    String name = firstWord(line);
    if (name.startsWith("@") && name.endsWith(":")) {
      int indent = headed(ARG_HEAD, line);
      line = shift(line, indent);
      startSymbolSection(features, name.substring(1, name.length() - 1), line.isEmpty() ? 0 : indent);
    } else if (isSectionTag(name)) {
      mode = Mode.VARIOUS;
      appendVariousLine(line);
      return;
    } else if (section.text.endsWith("\n\n") && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
      startSection(null, 0);
      mode = Mode.VARIOUS;
      appendVariousLine(line);
      return;
    }
    appendFreeform(line);
  }

  private void appendVariousLine(String line) throws QapiError {
    String name = firstWord(line);
    if (name.startsWith("@") && name.endsWith(":")) {
      // QEMU prints the first section's name as Python does: an untagged section's is None.
      String first = sections.get(0).name == null ? "None" : sections.get(0).name;
      throw parser.error("'" + name + "' can't follow '" + first + "' section");
    }
    if (isSectionTag(name)) {
      int indent = headed(TAG_HEAD, line);
      line = shift(line, indent);
      startSection(name.substring(0, name.length() - 1), line.isEmpty() ? 0 : indent);
    }
    appendFreeform(line);
  }

  /** The end of a {@code @name:} or {@code Tag:} head and the blanks after it. */
  private static int headed(Pattern head, String line) {
    Matcher m = head.matcher(line);
    return m.lookingAt() ? m.end() : 0;
  }

  /** The line with its head replaced by blanks, so the text keeps its column; "" if only a head. */
  private static String shift(String line, int indent) {
    String rest = line.substring(indent);
    return rest.isEmpty() ? "" : " ".repeat(indent) + rest;
  }

  private void startSymbolSection(Map<String, Section> into, String name, int indent) throws QapiError {
    if (name.isEmpty()) {
      throw parser.error("invalid parameter name");
    }
    // A name documented twice is the model's DOC_DUPLICATE_SECTION too (DocRules, which checks the
    // Javadoc's @param), but QEMU finds it here, while it parses: a parse error, with its column,
    // that stops the parse before any later syntax or expression error. Found anywhere later, the
    // first error would no longer be QEMU's. Likewise a Returns: or Since: twice, below.
    if (into.containsKey(name)) {
      throw parser.error("'" + name + "' parameter name duplicated");
    }
    endSection();
    section = new Section(parser, name, indent);
    into.put(name, section);
  }

  private void startSection(String name, int indent) throws QapiError {
    if (("Returns".equals(name) || "Since".equals(name)) && hasSection(name)) {
      throw parser.error("duplicated '" + name + "' section");
    }
    endSection();
    section = new Section(parser, name, indent);
    sections.add(section);
  }

  private void endSection() throws QapiError {
    if (section != null) {
      section.text = section.text.strip();
      if (section.name != null && section.text.isBlank()) {
        throw parser.error("empty doc section '" + section.name + "'");
      }
      section = null;
    }
  }

  private void appendFreeform(String line) throws QapiError {
    Matcher m = FREEFORM_ARG.matcher(line);
    if (m.lookingAt()) {
      throw parser.error("'" + m.group(1) + "' not allowed in free-form documentation");
    }
    section.append(line);
  }

  /**
   * QEMU's {@code check_expr}: {@code Returns:} only in a command's comment. The same rule as
   * {@code DOC_RETURNS_NON_COMMAND} of the model's doc rules (which check the Javadoc's
   * {@code @return}), but QEMU checks it with the expression, before the rest of it and before
   * any whole-schema check: checked here, by {@link ExprChecker}, the error comes where QEMU's
   * does, and a comment that reaches the model never has it.
   */
  void checkExpr(Map<String, Object> expr) throws QapiError {
    if (hasSection("Returns") && !expr.containsKey("command")) {
      throw new QapiError(info, "'Returns:' is only valid for commands");
    }
  }

  /**
   * The comment as the model's doc rules read it: its members, features and tagged sections in
   * the order written. (A name or a {@code Returns:} or {@code Since:} written twice never gets
   * here: QEMU finds it while it parses the comment, and so does this parser.)
   */
  DocComment comment() {
    List<DocComment.Tag> tags = new ArrayList<>();
    args.keySet().forEach(n -> tags.add(new DocComment.Tag(DocComment.Kind.MEMBER, n)));
    features.keySet().forEach(n -> tags.add(new DocComment.Tag(DocComment.Kind.FEATURE, n)));
    for (Section s : sections) {
      if (s.name != null) {
        tags.add(new DocComment.Tag(DocComment.Kind.SECTION, s.name));
      }
    }
    return new DocComment(info, DocComment.Syntax.QAPI, tags);
  }
}
