package org.qapi4j.processor.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.JavaType;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.Variant;
import org.qapi4j.model.doc.DefinitionDoc;
import org.qapi4j.model.doc.DocComment;
import org.qapi4j.model.doc.ModuleDoc;
import org.qapi4j.model.doc.SchemaDoc;
import org.qapi4j.processor.diag.ElementOrigin;

/**
 * The documentation of a Java schema, from its Javadoc ({@link Elements#getDocComment}), for the
 * reference manual: the same model the QAPI JSON reader makes of {@code ##} comments.
 *
 * <p>A definition's comment gives its body; {@code @param} tags its members (by Java name: a
 * method's parameters, a record's components); {@code @return} its {@code Returns} section,
 * {@code @throws} its {@code Errors}, {@code @since} its {@code Since}, {@code @deprecated} the
 * text of its feature {@code deprecated}; a {@code <pre>} block whose first line is a QMP message
 * ({@code ->} or {@code <-}) is an {@code Example}. An enum constant's comment documents that value;
 * an alternate's variant record's comment, that alternative. Javadoc markup becomes CommonMark:
 * {@code {@code x}} code, {@code {@link T}} a reference ({@code @name}) to the definition bound to
 * {@code T}, {@code <p>} paragraphs, {@code <pre>} literal blocks, {@code <li>} list items.
 *
 * <p>Modules: one per commands interface, then one per events interface, in the schema's order,
 * each with its interface's comment; then one, {@code Types}, for the types.
 *
 * <p>Each definition's comment is there as written too ({@link DefinitionDoc#comment()}): its
 * {@code @param}, {@code @return} and {@code @since} tags, which the model's documentation rules
 * check; {@link #comments} reads that alone, for the processor.
 */
public final class JavaDocReader {
  private static final Pattern BLOCK_TAG = Pattern.compile("^@(\\w+)\\s*(.*)$");

  private final Elements elements;
  private final Map<String, String> qapiNames = new LinkedHashMap<>();

  public JavaDocReader(Elements elements) {
    this.elements = elements;
  }

  /**
   * What the documentation rules read of the Javadoc of {@code schema} (read by {@link JavaReader}
   * from the same elements), and nothing more: each definition with a comment has its
   * {@link DefinitionDoc#comment()}, without any text; there are no modules. Cheap, converting no
   * markup: the processor reads it for every schema it compiles.
   */
  public static SchemaDoc comments(Elements elements, Schema schema) {
    Map<String, Definition> byName = schema.byName();
    Map<String, DefinitionDoc> docs = new LinkedHashMap<>();
    for (Definition d : schema.definitions()) {
      if (d.implicit() || !(d.origin() instanceof ElementOrigin o)) {
        continue;
      }
      String comment = elements.getDocComment(o.element());
      if (comment != null) {
        docs.put(d.name(), new DefinitionDoc(d.name(), "", Map.of(), Map.of(), List.of(),
            Optional.of(comment(o.element(), comment, parameters(d, byName)))));
      }
    }
    return new SchemaDoc(List.of(), docs);
  }

  /** The documentation of {@code schema}, as read by {@link JavaReader} from the same elements. */
  public SchemaDoc read(Schema schema) {
    for (Definition d : schema.definitions()) {
      javaTypeOf(d).ifPresent(t -> {
        qapiNames.putIfAbsent(t.qualifiedName(), d.name());
        qapiNames.putIfAbsent(String.join(".", t.simpleNames()), d.name());
      });
    }
    Map<String, Definition> byName = schema.byName();
    Map<String, List<ModuleDoc.Part>> modules = new LinkedHashMap<>();
    Map<String, DefinitionDoc> docs = new LinkedHashMap<>();
    List<ModuleDoc.Part> types = new ArrayList<>();
    for (Definition d : schema.definitions()) {
      if (d.implicit()) {
        continue;
      }
      Optional<JavaType> owner = d instanceof CommandDef c ? c.javaSignature().map(CommandDef.JavaSignature::owner)
          : d instanceof EventDef e ? Optional.ofNullable(e.javaOwner()) : Optional.empty();
      List<ModuleDoc.Part> parts = owner.isPresent()
          ? modules.computeIfAbsent(owner.get().qualifiedName(), q -> moduleStart(q))
          : types;
      parts.add(new ModuleDoc.Definition(d.name()));
      definitionDoc(byName, d).ifPresent(doc -> docs.put(d.name(), doc));
    }
    List<ModuleDoc> out = new ArrayList<>();
    modules.forEach((q, parts) -> out.add(new ModuleDoc(q.substring(q.lastIndexOf('.') + 1), parts)));
    if (!types.isEmpty()) {
      out.add(new ModuleDoc("Types", types));
    }
    return new SchemaDoc(out, docs);
  }

  private static Optional<JavaType> javaTypeOf(Definition d) {
    if (d instanceof StructDef s) {
      return s.javaType();
    } else if (d instanceof EnumDef e) {
      return e.javaType();
    } else if (d instanceof AlternateDef a) {
      return a.javaType();
    } else if (d instanceof org.qapi4j.model.UnionDef u) {
      return u.javaType();
    }
    return Optional.empty();
  }

  /** A module's parts, starting with its interface's comment. */
  private List<ModuleDoc.Part> moduleStart(String qualifiedName) {
    List<ModuleDoc.Part> parts = new ArrayList<>();
    TypeElement type = elements.getTypeElement(qualifiedName);
    String comment = type == null ? null : elements.getDocComment(type);
    if (comment != null) {
      String text = markdown(parse(comment).body);
      if (!text.isBlank()) {
        parts.add(new ModuleDoc.Text(text));
      }
    }
    return parts;
  }

  private Optional<DefinitionDoc> definitionDoc(Map<String, Definition> byName, Definition d) {
    if (!(d.origin() instanceof ElementOrigin o)) {
      return Optional.empty();
    }
    String comment = elements.getDocComment(o.element());
    Comment c = parse(comment == null ? "" : comment);
    Map<String, String> members = new LinkedHashMap<>();
    List<Member> tagged = parameters(d, byName);
    List<Member> params = tagged;
    if (d instanceof org.qapi4j.model.UnionDef u
        && byName.get(u.base()) instanceof StructDef base && base.implicit()) {
      params = base.members();
    }
    for (Member m : params) {
      String text = c.params.get(m.javaName());
      if (text != null && !text.isBlank()) {
        members.put(m.name(), markdown(text));
      }
    }
    if (d instanceof EnumDef e) {
      for (EnumValue v : e.values()) {
        if (v.origin() instanceof ElementOrigin vo) {
          memberComment(vo.element()).ifPresent(t -> members.put(v.name(), t));
        }
      }
    } else if (d instanceof AlternateDef a) {
      for (Variant v : a.variants()) {
        if (v.origin() instanceof ElementOrigin vo) {
          memberComment(vo.element()).ifPresent(t -> members.put(v.name(), t));
        }
      }
    }
    Map<String, String> features = new LinkedHashMap<>();
    c.deprecated.ifPresent(t -> features.put(org.qapi4j.model.Feature.DEPRECATED, markdown(t)));
    List<DefinitionDoc.Section> sections = new ArrayList<>();
    c.returns.ifPresent(t -> sections.add(new DefinitionDoc.Section(DefinitionDoc.RETURNS, markdown(t))));
    if (!c.throwsText.isEmpty()) {
      sections.add(new DefinitionDoc.Section(DefinitionDoc.ERRORS, markdown(String.join("\n\n", c.throwsText))));
    }
    String body = markdown(c.body);
    // A <pre> of QMP messages is an example: taken out of the body into its own section.
    Matcher pre = EXAMPLE.matcher(c.body);
    List<String> examples = new ArrayList<>();
    StringBuilder rest = new StringBuilder();
    while (pre.find()) {
      examples.add(unescape(pre.group(1)).strip());
      pre.appendReplacement(rest, "");
    }
    if (!examples.isEmpty()) {
      pre.appendTail(rest);
      body = markdown(rest.toString());
    }
    examples.forEach(x -> sections.add(new DefinitionDoc.Section("Example", x)));
    c.since.ifPresent(t -> sections.add(new DefinitionDoc.Section(DefinitionDoc.SINCE, t.strip())));
    if (comment == null && members.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DefinitionDoc(d.name(), body.strip(), members, features, sections,
        Optional.ofNullable(comment).map(text -> comment(o.element(), text, tagged))));
  }

  private static final Pattern EXAMPLE = Pattern.compile("<pre>\\s*\n?((?:->|<-|-&gt;|&lt;-)[\\s\\S]*?)</pre>");

  private Optional<String> memberComment(Element e) {
    String comment = elements.getDocComment(e);
    if (comment == null) {
      return Optional.empty();
    }
    String text = markdown(parse(comment).body);
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }

  /**
   * The members a definition's {@code @param} tags document: a command's or event's arguments
   * (unless boxed), a record's components.
   */
  private static List<Member> parameters(Definition d, Map<String, Definition> byName) {
    if (d instanceof CommandDef cmd) {
      return StructDef.implicitMembers(cmd.data(), byName);
    } else if (d instanceof EventDef e) {
      return StructDef.implicitMembers(e.data(), byName);
    } else if (d instanceof StructDef s) {
      return s.members();
    }
    return List.of();
  }

  /**
   * The comment of {@code element} as the documentation rules read it: its {@code @param} tags
   * (not a type parameter's, {@code @param <T>}), each a member, or a parameter that is none (a
   * boxed method's record, a record's {@code @Base} component); its {@code @return} and
   * {@code @since}. A block tag counts wherever a line starts with it.
   *
   * @param members the members the comment's {@code @param} tags may name, by their Java names
   */
  static DocComment comment(Element element, String doc, List<Member> members) {
    Set<String> known = new HashSet<>();
    if (element instanceof ExecutableElement method) {
      method.getParameters().forEach(p -> known.add(p.getSimpleName().toString()));
    } else if (element instanceof TypeElement type && type.getKind() == ElementKind.RECORD) {
      type.getRecordComponents().forEach(c -> known.add(c.getSimpleName().toString()));
    }
    Set<String> memberNames = new HashSet<>();
    members.forEach(m -> memberNames.add(m.javaName()));
    List<DocComment.Tag> tags = new ArrayList<>();
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
          boolean parameter = known.contains(words[1]) && !memberNames.contains(words[1]);
          tags.add(new DocComment.Tag(parameter ? DocComment.Kind.PARAMETER : DocComment.Kind.MEMBER, words[1]));
        }
        case "@return" -> tags.add(new DocComment.Tag(DocComment.Kind.SECTION, DefinitionDoc.RETURNS));
        case "@since" -> tags.add(new DocComment.Tag(DocComment.Kind.SECTION, DefinitionDoc.SINCE));
        default -> { }
      }
    }
    return new DocComment(ElementOrigin.of(element), DocComment.Syntax.JAVADOC, tags);
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

  /** A Javadoc comment divided: its body and its block tags. */
  private static final class Comment {
    String body = "";
    final Map<String, String> params = new LinkedHashMap<>();
    Optional<String> returns = Optional.empty();
    Optional<String> since = Optional.empty();
    Optional<String> deprecated = Optional.empty();
    final List<String> throwsText = new ArrayList<>();
  }

  static Comment parse(String comment) {
    Comment c = new Comment();
    List<String> lines = new ArrayList<>();
    for (String l : comment.split("\n", -1)) {
      lines.add(l.startsWith(" ") ? l.substring(1) : l);
    }
    StringBuilder body = new StringBuilder();
    String tag = null;
    StringBuilder tagText = new StringBuilder();
    for (String line : lines) {
      Matcher m = BLOCK_TAG.matcher(line.strip());
      if (m.matches() && !line.startsWith("  ")) {
        finish(c, tag, tagText.toString());
        tag = m.group(1);
        tagText = new StringBuilder(m.group(2)).append('\n');
      } else if (tag != null) {
        tagText.append(line).append('\n');
      } else {
        body.append(line).append('\n');
      }
    }
    finish(c, tag, tagText.toString());
    c.body = body.toString().strip();
    return c;
  }

  private static void finish(Comment c, String tag, String text) {
    if (tag == null) {
      return;
    }
    text = text.strip();
    switch (tag) {
      case "param" -> {
        int sp = text.indexOf(' ');
        String name = sp < 0 ? text : text.substring(0, sp);
        c.params.put(name, sp < 0 ? "" : text.substring(sp + 1).strip());
      }
      case "return" -> c.returns = Optional.of(text);
      case "since" -> c.since = Optional.of(text);
      case "deprecated" -> c.deprecated = Optional.of(text);
      case "throws", "exception" -> {
        int sp = text.indexOf(' ');
        c.throwsText.add(sp < 0 ? "`" + text + "`" : "`" + text.substring(0, sp) + "`: " + text.substring(sp + 1));
      }
      default -> { }
    }
  }

  private static final Pattern INLINE = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s+([^{}]*)}");

  /** Javadoc text (HTML and inline tags) as CommonMark. */
  String markdown(String javadoc) {
    Matcher m = INLINE.matcher(javadoc);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String arg = m.group(2).strip();
      String out;
      switch (m.group(1)) {
        case "link", "linkplain" -> {
          int sp = arg.indexOf(' ');
          String target = sp < 0 ? arg : arg.substring(0, sp);
          String label = sp < 0 ? null : arg.substring(sp + 1).strip();
          String type = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
          String qapi = qapiNames.get(type);
          out = qapi != null && !target.contains("#") && label == null
              ? "@" + qapi
              : "`" + (label != null ? label : target.replace('#', '.')) + "`";
        }
        default -> out = "`" + unescape(arg) + "`";
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(out));
    }
    m.appendTail(sb);
    String text = sb.toString()
        .replaceAll("(?i)\\s*<p>\\s*", "\n\n")
        .replaceAll("(?i)</p>", "")
        .replaceAll("(?i)<br\\s*/?>", "\n")
        .replaceAll("(?i)\\s*<li>\\s*", "\n- ")
        .replaceAll("(?i)</li>|</?ul>|</?ol>", "\n")
        .replaceAll("(?i)</?(em|i)>", "*")
        .replaceAll("(?i)</?(strong|b)>", "**")
        .replaceAll("(?i)</?code>", "`");
    text = PRE.matcher(text).replaceAll(r -> Matcher.quoteReplacement(
        "\n\n```\n" + r.group(1).strip() + "\n```\n\n"));
    text = text.replaceAll("<[A-Za-z/][^>]*>", "");
    return unescape(text).replaceAll("\n{3,}", "\n\n").strip();
  }

  private static final Pattern PRE = Pattern.compile("(?i)<pre>([\\s\\S]*?)</pre>");

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#64;", "@")
        .replace("&#47;", "/").replace("&#92;", "\\").replace("&amp;", "&");
  }
}
