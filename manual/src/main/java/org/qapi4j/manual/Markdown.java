package org.qapi4j.manual;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Doc text as HTML: CommonMark, after the reStructuredText habits of QAPI's doc comments are made
 * CommonMark: {@code @name} references become code (a link where they name a definition), a
 * paragraph ending in {@code ::} introduces an indented literal block, another indented block is
 * a block quote, {@code |} lines are literal lines, and {@code = Heading} lines of free-form
 * comments are headings. Raw HTML in the
 * text is escaped, not passed through.
 */
public final class Markdown {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          // Links within the page (to a definition) are the manual's own: no rel="nofollow".
          .attributeProviderFactory(context -> (node, tag, attributes) -> {
            if (node instanceof Link link && link.getDestination().startsWith("#")) {
              attributes.remove("rel");
            }
          })
          .build();
  private static final Pattern REFERENCE = Pattern.compile("(?<![\\w@`])@([A-Za-z_][\\w.-]*\\w|[A-Za-z])");
  private static final Pattern HEADING = Pattern.compile("(=+) +(\\S.*)");

  private final Function<String, String> links;
  private final int headingLevel;

  /**
   * @param links the anchor ({@code #type-StatusInfo}) of a definition named in the text, or null
   *     for a name that is not one (a member)
   * @param headingLevel the HTML heading level of a {@code = Heading} line ({@code ==} one more)
   */
  public Markdown(Function<String, String> links, int headingLevel) {
    this.links = links;
    this.headingLevel = headingLevel;
  }

  /** The text as HTML. */
  public String html(String text) {
    return RENDERER.render(PARSER.parse(commonMark(text)));
  }

  /** The text in CommonMark. */
  String commonMark(String text) {
    List<String> lines = List.of(text.split("\n", -1));
    List<String> out = new ArrayList<>();
    boolean literalNext = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("|")) {
        // A run of literal lines ("| text"), kept as they are.
        List<String> block = new ArrayList<>();
        for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
          block.add(lines.get(i).replaceFirst("^\\| ?", ""));
        }
        i--;
        fence(out, block);
        continue;
      }
      if (literalNext && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
        // The indented block after "::": literal, up to the first line indented less.
        List<String> block = new ArrayList<>();
        int indent = indent(line);
        for (; i < lines.size() && (lines.get(i).isBlank() || indent(lines.get(i)) >= indent); i++) {
          block.add(lines.get(i).isBlank() ? "" : lines.get(i).substring(indent));
        }
        while (!block.isEmpty() && block.get(block.size() - 1).isEmpty()) {
          block.remove(block.size() - 1);
        }
        i--;
        fence(out, block);
        literalNext = false;
        continue;
      }
      if (!literalNext && indent(line) >= 4 && (out.isEmpty() || out.get(out.size() - 1).isBlank())) {
        // An indented block not introduced by "::" is a block quote in reStructuredText (and not
        // code, as CommonMark would have it): dedented and quoted, up to the first line indented less.
        int indent = indent(line);
        List<String> block = new ArrayList<>();
        for (; i < lines.size() && (lines.get(i).isBlank() || indent(lines.get(i)) >= indent); i++) {
          block.add(lines.get(i).isBlank() ? "" : lines.get(i).substring(indent));
        }
        while (!block.isEmpty() && block.get(block.size() - 1).isEmpty()) {
          block.remove(block.size() - 1);
        }
        i--;
        for (String b : block) {
          out.add(b.isEmpty() ? ">" : "> " + references(b));
        }
        out.add("");
        continue;
      }
      if (!line.isBlank()) {
        literalNext = false;
      }
      if (line.strip().endsWith("::")) {
        literalNext = true;
        String before = line.strip().substring(0, line.strip().length() - 2).stripTrailing();
        if (before.isEmpty()) {
          out.add("");
          continue;
        }
        line = line.substring(0, line.lastIndexOf("::")).stripTrailing() + (before.endsWith(":") ? "" : ":");
      }
      Matcher h = HEADING.matcher(line);
      if (h.matches()) {
        int level = Math.min(6, headingLevel + h.group(1).length() - 1);
        out.add("#".repeat(level) + " " + references(h.group(2)));
        out.add("");
        continue;
      }
      out.add(references(line));
    }
    return String.join("\n", out);
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  private static void fence(List<String> out, List<String> block) {
    int ticks = 3;
    for (String l : block) {
      while (l.contains("`".repeat(ticks))) {
        ticks++;
      }
    }
    out.add("");
    out.add("`".repeat(ticks));
    out.addAll(block);
    out.add("`".repeat(ticks));
    out.add("");
  }

  /** {@code @name} as code, linked where it names a definition. */
  private String references(String line) {
    Matcher m = REFERENCE.matcher(line);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String href = links.apply(name);
      String code = "`" + name + "`";
      m.appendReplacement(sb, Matcher.quoteReplacement(href == null ? code : "[" + code + "](" + href + ")"));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
