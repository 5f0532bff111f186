package org.qapi4j.manual;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.Builtin;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Feature;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.Variant;
import org.qapi4j.model.doc.DefinitionDoc;
import org.qapi4j.model.doc.ModuleDoc;
import org.qapi4j.model.doc.SchemaDoc;

/**
 * A schema's reference manual, as one static HTML page ({@link #PAGE}) and its style sheet
 * ({@link #STYLE}), in the manner of QEMU's {@code qemu-qmp-ref}: one section per module in include
 * order, with its free text; per definition its kind, since, deprecated and unstable marks,
 * {@code if} condition, text, arguments or members (inherited and branch members where they
 * apply), enum values, alternatives, features, returns, errors and examples; an index of
 * commands, events and types. Every type name is a link to its entry.
 *
 * <p>Anchors: {@code command-NAME}, {@code event-NAME}, {@code type-NAME} (built-in types too),
 * {@code module-NAME}, {@code index}. Implicit types (a command's inline arguments, a union's
 * inline base) have no entry: their members are shown where they are used.
 */
public final class Manual {
  /** The page's file name. */
  public static final String PAGE = "index.html";

  /** The style sheet's file name. */
  public static final String STYLE = "manual.css";

  private final Schema schema;
  private final SchemaDoc doc;
  private final String title;
  private final Optional<Set<String>> defined;
  private final Map<String, Definition> byName;
  private final Markdown text;
  private final Markdown freeText;
  private final StringBuilder out = new StringBuilder();

  private Manual(Schema schema, SchemaDoc doc, String title, Optional<Set<String>> defined) {
    this.schema = schema;
    this.doc = doc;
    this.title = title;
    this.defined = defined;
    this.byName = new LinkedHashMap<>();
    for (Definition d : schema.definitions()) {
      if (shown(d.condition())) {
        byName.putIfAbsent(d.name(), d);
      }
    }
    this.text = new Markdown(this::anchorOf, 5);
    this.freeText = new Markdown(this::anchorOf, 2);
  }

  /**
   * The manual's page.
   *
   * @param defined the {@code 'if'} symbols of a build: definitions, members and values whose
   *     condition does not hold for them are left out; empty for every one, each with its condition
   */
  public static String render(Schema schema, SchemaDoc doc, String title, Optional<Set<String>> defined) {
    Manual m = new Manual(schema, doc, title, defined);
    m.page();
    return m.out.toString();
  }

  /** Writes {@link #PAGE} and {@link #STYLE} into {@code dir} (made if need be); the page's path. */
  public static Path write(Schema schema, SchemaDoc doc, String title, Optional<Set<String>> defined, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    Path page = dir.resolve(PAGE);
    Files.writeString(page, render(schema, doc, title, defined));
    Files.writeString(dir.resolve(STYLE), style());
    return page;
  }

  /** The style sheet. */
  public static String style() {
    try (InputStream in = Manual.class.getResourceAsStream(STYLE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- anchors and links ----

  /** The anchor of a definition's entry: {@code command-x}, {@code event-X}, {@code type-X}. */
  public static String anchor(Definition d) {
    return switch (d.meta()) {
      case "command" -> "command-" + d.name();
      case "event" -> "event-" + d.name();
      default -> "type-" + d.name();
    };
  }

  /** The {@code #anchor} of the entry of a definition or built-in type named {@code name}; null if none. */
  private String anchorOf(String name) {
    if (Builtin.byName(name).isPresent()) {
      return "#type-" + name;
    }
    Definition d = byName.get(name);
    return d == null || (d.implicit() && !(d instanceof EnumDef)) ? null : "#" + anchor(d);
  }

  private String typeLink(TypeRef type) {
    if (type instanceof TypeRef.Array a) {
      return "[" + typeLink(a.element()) + "]";
    }
    String name = type.qapiName();
    String href = anchorOf(name);
    return href == null ? code(name) : "<a href=\"" + attr(href) + "\">" + code(name) + "</a>";
  }

  private String typeLink(String name) {
    return typeLink(TypeRef.named(name));
  }

  private boolean shown(Condition c) {
    return defined.isEmpty() || c.holds(defined.get());
  }

  // ---- the page ----

  private void page() {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(title)).append("</title>\n")
        .append("<link rel=\"stylesheet\" href=\"").append(STYLE).append("\">\n</head>\n<body>\n");
    out.append("<header><h1>").append(esc(title)).append("</h1></header>\n");
    List<ModuleDoc> modules = modules();
    out.append("<nav id=\"contents\"><h2>Contents</h2>\n<ul>\n");
    for (ModuleDoc m : modules) {
      out.append("<li><a href=\"#").append(attr(moduleAnchor(m))).append("\">").append(esc(moduleTitle(m)))
          .append("</a></li>\n");
    }
    out.append("<li><a href=\"#builtin-types\">Built-in types</a></li>\n")
        .append("<li><a href=\"#index\">Index</a></li>\n</ul>\n</nav>\n<main>\n");
    for (ModuleDoc m : modules) {
      module(m);
    }
    builtins();
    index();
    out.append("</main>\n</body>\n</html>\n");
  }

  /**
   * The modules to show: the documentation's, with the definitions of the schema no module names
   * (or every definition, for a schema without documentation) in one more module at the end.
   */
  private List<ModuleDoc> modules() {
    List<ModuleDoc> modules = new ArrayList<>(doc.modules());
    Set<String> placed = modules.stream().flatMap(m -> m.definitionNames().stream()).collect(Collectors.toSet());
    List<ModuleDoc.Part> rest = new ArrayList<>();
    for (Definition d : byName.values()) {
      if (!d.implicit() && !placed.contains(d.name())) {
        rest.add(new ModuleDoc.Definition(d.name()));
      }
    }
    if (!rest.isEmpty()) {
      modules.add(new ModuleDoc(modules.isEmpty() ? schema.name() : "Other definitions", rest));
    }
    return modules;
  }

  private static String moduleAnchor(ModuleDoc m) {
    return "module-" + m.name().replace(' ', '-');
  }

  /** A module's first {@code = Heading}, else its name. */
  private static String moduleTitle(ModuleDoc m) {
    for (ModuleDoc.Part p : m.parts()) {
      if (p instanceof ModuleDoc.Text t) {
        for (String line : t.text().split("\n")) {
          if (line.matches("=+ +\\S.*")) {
            return line.replaceFirst("^=+ +", "").strip();
          }
        }
      }
    }
    return m.name();
  }

  private void module(ModuleDoc m) {
    out.append("<section class=\"module\" id=\"").append(attr(moduleAnchor(m))).append("\">\n")
        .append("<p class=\"module-name\">").append(esc(m.name())).append("</p>\n");
    // A module whose text does not open with a heading of its own is titled with its name.
    if (m.parts().isEmpty() || !(m.parts().get(0) instanceof ModuleDoc.Text first)
        || !first.text().strip().startsWith("=")) {
      out.append("<h2>").append(esc(m.name())).append("</h2>\n");
    }
    for (ModuleDoc.Part p : m.parts()) {
      if (p instanceof ModuleDoc.Text t) {
        out.append("<div class=\"text\">\n").append(freeText.html(t.text())).append("</div>\n");
      } else if (p instanceof ModuleDoc.Definition ref) {
        Definition d = byName.get(ref.name());
        if (d != null && !d.implicit()) {
          definition(d);
        }
      }
    }
    out.append("</section>\n");
  }

  // ---- one definition ----

  private void definition(Definition d) {
    Optional<DefinitionDoc> dd = doc.of(d.name());
    String kind = switch (d.meta()) {
      case "command" -> "Command";
      case "event" -> "Event";
      case "struct" -> "Object";
      case "union" -> "Object";
      case "alternate" -> "Alternate";
      case "enum" -> "Enum";
      default -> d.meta();
    };
    out.append("<section class=\"definition ").append(d.meta()).append("\" id=\"").append(attr(anchor(d)))
        .append("\">\n<h3><span class=\"kind\">").append(kind).append("</span> ").append(code(d.name()));
    marks(d.features());
    out.append("</h3>\n");
    List<String> facts = new ArrayList<>();
    dd.flatMap(DefinitionDoc::since).ifPresent(s -> facts.add("<span class=\"since\">Since: " + esc(s) + "</span>"));
    if (!d.condition().equals(Condition.ALWAYS)) {
      facts.add("<span class=\"if\">If: " + code(ifText(d.condition())) + "</span>");
    }
    if (d instanceof CommandDef c) {
      List<String> flags = new ArrayList<>();
      if (c.allowOob()) {
        flags.add("allow-oob");
      }
      if (c.coroutine()) {
        flags.add("coroutine");
      }
      if (!c.successResponse()) {
        flags.add("success-response: false");
      }
      if (c.allowPreconfig()) {
        flags.add("allow-preconfig");
      }
      if (!flags.isEmpty()) {
        facts.add("<span class=\"flags\">" + esc(String.join(", ", flags)) + "</span>");
      }
    }
    if (!facts.isEmpty()) {
      out.append("<p class=\"facts\">").append(String.join(" ", facts)).append("</p>\n");
    }
    dd.map(DefinitionDoc::body).filter(b -> !b.isBlank()).ifPresent(b -> html("body", text.html(b)));
    if (d instanceof CommandDef c) {
      arguments("Arguments", c.data(), dd);
    } else if (d instanceof EventDef e) {
      arguments("Arguments", e.data(), dd);
    } else if (d instanceof StructDef s) {
      out.append("<h4>Members</h4>\n<dl class=\"members\">\n");
      structMembers(s, dd, Optional.empty());
      out.append("</dl>\n");
    } else if (d instanceof UnionDef u) {
      union(u, dd);
    } else if (d instanceof AlternateDef a) {
      alternate(a, dd);
    } else if (d instanceof EnumDef e) {
      enumValues(e, dd);
    }
    features(d.features(), dd);
    if (d instanceof CommandDef c) {
      Optional<String> returnsText = dd.flatMap(x -> x.section(DefinitionDoc.RETURNS));
      if (c.returns().isPresent() || returnsText.isPresent()) {
        out.append("<h4>Returns</h4>\n<div class=\"returns\">");
        c.returns().ifPresent(t -> out.append("<p class=\"type\">").append(typeLink(t)).append("</p>\n"));
        returnsText.ifPresent(t -> out.append(text.html(t)));
        out.append("</div>\n");
      }
    }
    dd.flatMap(x -> x.section(DefinitionDoc.ERRORS)).ifPresent(t -> {
      out.append("<h4>Errors</h4>\n");
      html("errors", text.html(t));
    });
    for (DefinitionDoc.Section s : dd.map(DefinitionDoc::sections).orElse(List.of())) {
      switch (s.tag()) {
        case DefinitionDoc.SINCE, DefinitionDoc.RETURNS, DefinitionDoc.ERRORS -> { }
        case "" -> html("text", text.html(s.text()));
        default -> {
          out.append("<h4>").append(esc(s.tag())).append("</h4>\n");
          if (s.example()) {
            example(s.text());
          } else {
            html("text", text.html(s.text()));
          }
        }
      }
    }
    out.append("</section>\n");
  }

  private void html(String cls, String html) {
    out.append("<div class=\"").append(cls).append("\">\n").append(html).append("</div>\n");
  }

  private void marks(List<Feature> features) {
    for (Feature f : features) {
      if (f.special() && shown(f.condition())) {
        out.append(" <span class=\"mark ").append(f.name()).append("\">").append(f.name()).append("</span>");
      }
    }
  }

  /** A command's or event's arguments: inline ones documented with it, or a named type's members. */
  private void arguments(String heading, Optional<String> data, Optional<DefinitionDoc> dd) {
    if (data.isEmpty()) {
      return;
    }
    Definition type = byName.get(data.get());
    out.append("<h4>").append(heading).append("</h4>\n");
    if (type instanceof StructDef s && s.implicit()) {
      out.append("<dl class=\"members\">\n");
      structMembers(s, dd, Optional.empty());
      out.append("</dl>\n");
    } else if (type != null) {
      out.append("<p>The members of ").append(typeLink(data.get())).append(":</p>\n<dl class=\"members\">\n");
      members(type, Optional.empty());
      out.append("</dl>\n");
    } else {
      out.append("<p>The members of ").append(typeLink(data.get())).append(".</p>\n");
    }
  }

  /** The members of an object type as {@code dt}/{@code dd} entries, branches included. */
  private void members(Definition type, Optional<String> from) {
    Optional<DefinitionDoc> dd = doc.of(type.name());
    if (type instanceof StructDef s) {
      structMembers(s, dd, from);
    } else if (type instanceof UnionDef u) {
      unionMembers(u, dd);
    }
  }

  /** A struct's members, its base's first (marked as inherited), documented by {@code dd}. */
  private void structMembers(StructDef s, Optional<DefinitionDoc> dd, Optional<String> from) {
    if (s.base().isPresent() && byName.get(s.base().get()) instanceof StructDef base) {
      structMembers(base, doc.of(base.name()), Optional.of(base.name()));
    }
    for (Member m : s.members()) {
      if (!shown(m.condition())) {
        continue;
      }
      out.append("<dt>").append(code(m.name())).append(": ").append(typeLink(m.type()));
      if (m.optional()) {
        out.append(" <span class=\"optional\">(optional)</span>");
      }
      marks(m.features());
      if (!m.condition().equals(Condition.ALWAYS)) {
        out.append(" <span class=\"if\">If: ").append(code(ifText(m.condition()))).append("</span>");
      }
      from.ifPresent(f -> out.append(" <span class=\"from\">(from ").append(typeLink(f)).append(")</span>"));
      out.append("</dt>\n<dd>");
      memberText(dd, m.name());
      List<String> other = m.features().stream().filter(f -> !f.special() && shown(f.condition()))
          .map(f -> code(f.name())).toList();
      if (!other.isEmpty()) {
        out.append("<p class=\"member-features\">Features: ").append(String.join(", ", other)).append("</p>");
      }
      out.append("</dd>\n");
    }
  }

  private void memberText(Optional<DefinitionDoc> dd, String name) {
    Optional<String> t = dd.map(x -> x.members().get(name));
    out.append(t.isPresent() ? text.html(t.get()) : "<p class=\"undocumented\">Not documented</p>\n");
  }

  private void union(UnionDef u, Optional<DefinitionDoc> dd) {
    out.append("<h4>Members</h4>\n<dl class=\"members\">\n");
    unionMembers(u, dd);
    out.append("</dl>\n");
  }

  /** A union's base members, then each branch's members, under the discriminator value that selects it. */
  private void unionMembers(UnionDef u, Optional<DefinitionDoc> dd) {
    if (byName.get(u.base()) instanceof StructDef base) {
      if (base.implicit()) {
        structMembers(base, dd, Optional.empty());
      } else {
        structMembers(base, doc.of(base.name()), Optional.of(base.name()));
      }
    }
    for (Variant v : u.variants()) {
      if (!shown(v.condition())) {
        continue;
      }
      out.append("<dt class=\"branch\">When ").append(code(u.discriminator())).append(" is ")
          .append(code("\"" + v.name() + "\""));
      if (!v.condition().equals(Condition.ALWAYS)) {
        out.append(" <span class=\"if\">If: ").append(code(ifText(v.condition()))).append("</span>");
      }
      out.append(": the members of ").append(typeLink(v.type())).append("</dt>\n<dd>");
      if (byName.get(v.type().qapiName()) instanceof StructDef branch) {
        out.append("<dl class=\"members branch\">\n");
        structMembers(branch, doc.of(branch.name()), Optional.empty());
        out.append("</dl>");
      }
      out.append("</dd>\n");
    }
  }

  private void alternate(AlternateDef a, Optional<DefinitionDoc> dd) {
    out.append("<h4>Alternatives</h4>\n<dl class=\"members alternatives\">\n");
    for (Variant v : a.variants()) {
      if (!shown(v.condition())) {
        continue;
      }
      out.append("<dt>").append(code(v.name())).append(": ").append(typeLink(v.type()));
      if (!v.condition().equals(Condition.ALWAYS)) {
        out.append(" <span class=\"if\">If: ").append(code(ifText(v.condition()))).append("</span>");
      }
      out.append("</dt>\n<dd>");
      memberText(dd, v.name());
      out.append("</dd>\n");
    }
    out.append("</dl>\n");
  }

  private void enumValues(EnumDef e, Optional<DefinitionDoc> dd) {
    out.append("<h4>Values</h4>\n<dl class=\"members values\">\n");
    for (EnumValue v : e.values()) {
      if (!shown(v.condition())) {
        continue;
      }
      out.append("<dt>").append(code(v.name()));
      marks(v.features());
      if (!v.condition().equals(Condition.ALWAYS)) {
        out.append(" <span class=\"if\">If: ").append(code(ifText(v.condition()))).append("</span>");
      }
      out.append("</dt>\n<dd>");
      memberText(dd, v.name());
      out.append("</dd>\n");
    }
    out.append("</dl>\n");
  }

  private void features(List<Feature> features, Optional<DefinitionDoc> dd) {
    List<Feature> shownFeatures = features.stream().filter(f -> shown(f.condition())).toList();
    if (shownFeatures.isEmpty()) {
      return;
    }
    out.append("<h4>Features</h4>\n<dl class=\"features\">\n");
    for (Feature f : shownFeatures) {
      out.append("<dt>").append(code(f.name()));
      if (!f.condition().equals(Condition.ALWAYS)) {
        out.append(" <span class=\"if\">If: ").append(code(ifText(f.condition()))).append("</span>");
      }
      out.append("</dt>\n<dd>");
      Optional<String> t = dd.map(x -> x.features().get(f.name())).filter(x -> !x.isBlank());
      out.append(t.isPresent() ? text.html(t.get()) : "<p class=\"undocumented\">Not documented</p>\n");
      out.append("</dd>\n");
    }
    out.append("</dl>\n");
  }

  /**
   * An example: a QMP exchange, each message a block of lines, {@code ->} the client's,
   * {@code <-} the server's; other lines (prose between messages) stay as they are.
   */
  private void example(String exchange) {
    out.append("<pre class=\"example\">");
    String current = null;
    for (String line : exchange.split("\n", -1)) {
      String cls;
      if (line.startsWith("->")) {
        cls = "send";
      } else if (line.startsWith("<-")) {
        cls = "receive";
      } else if (current != null && (line.startsWith(" ") || line.startsWith("\t") || line.startsWith("}")
          || line.startsWith("]"))) {
        cls = current;
      } else {
        cls = "prose";
      }
      current = cls.equals("prose") ? null : cls;
      out.append("<span class=\"").append(cls).append("\">").append(esc(line)).append("</span>\n");
    }
    out.append("</pre>\n");
  }

  // ---- built-in types and the index ----

  private void builtins() {
    out.append("<section class=\"module\" id=\"builtin-types\">\n<h2>Built-in types</h2>\n")
        .append("<dl class=\"builtins\">\n");
    for (Builtin b : Builtin.values()) {
      out.append("<dt id=\"type-").append(b.qapiName()).append("\">").append(code(b.qapiName()))
          .append("</dt>\n<dd>JSON ").append(esc(b.jsonType())).append("</dd>\n");
    }
    out.append("</dl>\n");
    for (Definition d : byName.values()) {
      if (d.implicit() && d instanceof EnumDef e) {
        definition(e); // QType, predefined
      }
    }
    out.append("</section>\n");
  }

  private void index() {
    out.append("<section id=\"index\">\n<h2>Index</h2>\n");
    indexOf("Commands", "commands", d -> d instanceof CommandDef);
    indexOf("Events", "events", d -> d instanceof EventDef);
    indexOf("Types", "types", d -> !(d instanceof CommandDef) && !(d instanceof EventDef));
    out.append("</section>\n");
  }

  private void indexOf(String heading, String id, java.util.function.Predicate<Definition> which) {
    List<Definition> defs = byName.values().stream().filter(d -> !d.implicit() && which.test(d))
        .sorted(Comparator.comparing((Definition d) -> d.name().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(Definition::name))
        .toList();
    out.append("<div class=\"index-list\" id=\"index-").append(id).append("\">\n<h3>").append(heading)
        .append(" (").append(defs.size()).append(")</h3>\n<ul>\n");
    for (Definition d : defs) {
      out.append("<li><a href=\"#").append(attr(anchor(d))).append("\">").append(code(d.name())).append("</a>");
      marksText(d.features());
      out.append("</li>\n");
    }
    out.append("</ul>\n</div>\n");
  }

  private void marksText(List<Feature> features) {
    Set<String> marks = new LinkedHashSet<>();
    for (Feature f : features) {
      if (f.special() && shown(f.condition())) {
        marks.add(f.name());
      }
    }
    marks.forEach(m -> out.append(" <span class=\"mark ").append(m).append("\">").append(m).append("</span>"));
  }

  // ---- text ----

  /** A condition as QEMU's manual writes it: {@code CONFIG_X}, {@code (A and B)}, {@code not A}. */
  static String ifText(Condition c) {
    if (c instanceof Condition.Symbol s) {
      return s.name();
    }
    if (c instanceof Condition.Not n) {
      return "not " + ifText(n.operand());
    }
    List<Condition> operands = c instanceof Condition.All a ? a.operands() : ((Condition.Any) c).operands();
    if (operands.size() == 1) {
      return ifText(operands.get(0));
    }
    String op = c instanceof Condition.All ? " and " : " or ";
    return "(" + operands.stream().map(Manual::ifText).collect(Collectors.joining(op)) + ")";
  }

  private static String code(String s) {
    return "<code>" + esc(s) + "</code>";
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String attr(String s) {
    return esc(s);
  }
}
