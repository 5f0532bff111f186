package org.qapi4j.model.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.qapi4j.model.Definition;
import org.qapi4j.model.Origin;
import org.qapi4j.model.Schema;

/**
 * Collects the diagnostics of one checks pass, and orders them as QEMU meets them: a definition's
 * name defined twice first (QEMU finds those while it builds the schema, before any other check),
 * then the rest as the definitions are ordered, the doc comments' last ({@link Rule#phase()}).
 */
final class Reporter {
  private record Entry(int rank, int position, int sequence, Diagnostic diagnostic) {}

  private final Schema schema;
  private final List<Entry> entries = new ArrayList<>();

  Reporter(Schema schema) {
    this.schema = schema;
  }

  void error(Rule rule, Definition in, Origin at, String message) {
    add(rule, in, new Diagnostic(rule, at, context(in), message, Optional.empty(), in == null ? at : in.origin()));
  }

  void error(Rule rule, Definition in, Origin at, String message, Diagnostic.Note note) {
    add(rule, in, new Diagnostic(rule, at, context(in), message, Optional.of(note), in == null ? at : in.origin()));
  }

  /**
   * An error in the doc comment of {@code in}, at {@code at}: QEMU puts no {@code In command 'x':}
   * line before it, the comment being outside the definition.
   */
  void docError(Rule rule, Definition in, Origin at, String message) {
    add(rule, in, new Diagnostic(rule, at, "", message, Optional.empty(), in.origin()));
  }

  private void add(Rule rule, Definition in, Diagnostic diagnostic) {
    int position = Integer.MAX_VALUE;
    List<Definition> all = schema.definitions();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) == in) {
        position = i;
        break;
      }
    }
    entries.add(new Entry(rule.phase().ordinal(), position, entries.size(), diagnostic));
  }

  /** QEMU's context line for a definition: {@code In command 'x':}. */
  static String context(Definition in) {
    return in == null || in.name().isEmpty() ? "" : "In " + in.meta() + " '" + in.name() + "':";
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  List<Diagnostic> diagnostics() {
    return entries.stream()
        .sorted(Comparator.comparingInt(Entry::rank).thenComparingInt(Entry::position)
            .thenComparingInt(Entry::sequence))
        .map(Entry::diagnostic)
        .toList();
  }
}
