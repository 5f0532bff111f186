package org.qapi4j.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import org.qapi4j.model.Definition;
import org.qapi4j.model.Schema;
import org.qapi4j.qapijson.JavaSources;
import org.qapi4j.qapijson.SourceInfo;

/**
 * What javac and the processor said of a schema imported to Java, said of the schema: each error at
 * the QAPI JSON file and line of the definition it is about, with QEMU's context lines, as
 * {@code qapi4j check} prints its own ({@code FILE: In union 'U':}, then {@code FILE:LINE: message},
 * after {@code In file included from} lines for an included file).
 *
 * <p>The definition is the one the processor's message names ({@code [qapi4j:RULE] In union 'U':
 * ...}, which is QEMU's context), else the one whose Java holds the line javac reports (where the
 * importer placed it: {@link JavaSources}). The message loses what only the Java has: the
 * processor's rule id and its advice on Java names, javac's {@code location:} line. The errors are
 * in the order of the definitions in the schema (an included file's where it is included), each
 * once, with the processor's notes ({@code previous definition}) after their error.
 */
final class SchemaReport {
  private static final Pattern RULE = Pattern.compile("\\[qapi4j:([\\w-]+)\\] ", Pattern.DOTALL);
  private static final Pattern CONTEXT = Pattern.compile("In (\\w+) '([^']*)': (.*)", Pattern.DOTALL);
  /** The processor's advice on a Java name, which the imported schema's author cannot follow. */
  private static final String DERIVED = " (the name is derived from '";

  private final Schema schema;
  private final JavaSources sources;
  private final String mainFile;

  /**
   * @param mainFile the schema's main file, as the errors name it: where an error that no
   *     definition can take is reported
   */
  SchemaReport(Schema schema, JavaSources sources, String mainFile) {
    this.schema = schema;
    this.sources = sources;
    this.mainFile = mainFile;
  }

  /** One error, with its notes: where in the schema, and the text printed. */
  private record Block(List<Integer> position, String text) {}

  /** The compilation's errors as the schema's: each a text of one or more lines, no final newline. */
  List<String> errors(List<ViaJavac.Message> messages) {
    // The processor's "could not resolve" repeats, at the schema's root, javac's "cannot find
    // symbol" on the definition that uses the name: leave it out unless it is alone.
    boolean others = messages.stream().anyMatch(m -> m.kind() == Diagnostic.Kind.ERROR && !rule(m).equals("unresolved"));
    List<Block> blocks = new ArrayList<>();
    StringBuilder text = null;
    List<Integer> position = null;
    for (ViaJavac.Message m : messages) {
      if (m.kind() == Diagnostic.Kind.ERROR) {
        if (text != null) {
          blocks.add(new Block(position, text.toString()));
          text = null;
        }
        if (others && rule(m).equals("unresolved")) {
          continue;
        }
        Located l = locate(m);
        position = l.position();
        text = new StringBuilder(l.text());
      } else if (text != null && m.source()) {
        // A note on the error before (the processor's "previous definition"); javac's own notes
        // are of the whole compilation, in no file.
        text.append('\n').append(locate(m).text());
      }
    }
    if (text != null) {
      blocks.add(new Block(position, text.toString()));
    }
    blocks.sort(Comparator.comparing(Block::position, SchemaReport::compare)); // stable
    Set<String> once = new LinkedHashSet<>();
    blocks.forEach(b -> once.add(b.text()));
    return List.copyOf(once);
  }

  /** A message's text at its place in the schema, and that place's order. */
  private record Located(List<Integer> position, String text) {}

  private Located locate(ViaJavac.Message m) {
    String text = m.text();
    Matcher rule = RULE.matcher(text);
    if (rule.lookingAt()) {
      text = text.substring(rule.end());
      int advice = text.lastIndexOf(DERIVED);
      if (advice >= 0 && text.endsWith(")")) {
        text = text.substring(0, advice);
      }
    } else {
      text = javac(text);
    }
    Optional<Definition> placed = m.source() ? sources.definitionAt(m.file(), m.line()) : Optional.empty();
    Optional<Definition> at = placed;
    String context = null;
    Matcher c = CONTEXT.matcher(text);
    if (c.matches()) {
      context = "In " + c.group(1) + " '" + c.group(2) + "':";
      text = c.group(3);
      at = named(c.group(1), c.group(2), placed).or(() -> placed);
    }
    if (at.isEmpty() || !(at.get().origin() instanceof SourceInfo info)) {
      if (!m.source() && !m.file().isEmpty()) {
        // In code the processor generated: not the schema's doing, and so not the schema's place.
        return new Located(List.of(Integer.MAX_VALUE), m.toString());
      }
      return new Located(List.of(0), mainFile + ": " + (context == null ? "" : context + " ") + text);
    }
    // Without a context of the message's own, the definition's: QEMU's, as the JSON path prints it.
    String in = context == null ? info.inDefn() : info.fname() + ": " + context + "\n";
    return new Located(order(info), info.includePath() + in + info.loc() + ": " + text);
  }

  /** The definition of kind {@code meta} named {@code name}: {@code at} if it is one. */
  private Optional<Definition> named(String meta, String name, Optional<Definition> at) {
    if (at.isPresent() && at.get().meta().equals(meta) && at.get().name().equals(name)) {
      return at;
    }
    return schema.definitions().stream()
        .filter(d -> d.meta().equals(meta) && d.name().equals(name) && !d.implicit())
        .findFirst();
  }

  /**
   * javac's own message without what names the Java ({@code location: interface x.Y}), its
   * {@code symbol:} line joined to the first: {@code cannot find symbol: class NoSuchType}.
   */
  private static String javac(String text) {
    String[] lines = text.split("\n");
    StringBuilder sb = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("symbol:")) {
        sb.append(": ").append(l.substring("symbol:".length()).strip());
      } else if (!l.startsWith("location:")) {
        sb.append('\n').append(lines[i]);
      }
    }
    return sb.toString();
  }

  /** The processor's rule id of a message, or "" for javac's own. */
  private static String rule(ViaJavac.Message m) {
    Matcher r = RULE.matcher(m.text());
    return r.lookingAt() ? r.group(1) : "";
  }

  /**
   * Where a definition is in the order QEMU reads the schema: the line of each include leading to
   * its file, from the main file's, then its own.
   */
  private static List<Integer> order(SourceInfo info) {
    List<Integer> lines = new ArrayList<>();
    for (SourceInfo i = info; i != null; i = i.parent()) {
      lines.add(0, i.line());
    }
    return lines;
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
