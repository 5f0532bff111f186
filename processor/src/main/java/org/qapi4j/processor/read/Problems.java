package org.qapi4j.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qapi4j.model.Origin;
import org.qapi4j.model.check.Diagnostic;
import org.qapi4j.model.check.Rule;

/**
 * The problem sink of reading one schema root, shared by its readers: the diagnostics in the order
 * found, each at its element or annotation value.
 */
final class Problems {
  private final List<Diagnostic> found = new ArrayList<>();
  /** QEMU's context line of the definition being read ({@code In command 'x':}). */
  private String context = "";

  /** Sets QEMU's context line of the definition now read, for {@link #rule}. */
  void context(String context) {
    this.context = context;
  }

  /** What the Java front end cannot represent: no QAPI rule, so no context. */
  void form(Origin at, String message) {
    found.add(new Diagnostic(Rule.JAVA_FORM, at, "", message, Optional.empty()));
  }

  /** A violation of a QAPI rule found while reading, in the definition being read. */
  void rule(Rule rule, Origin at, String message) {
    found.add(new Diagnostic(rule, at, context, message, Optional.empty()));
  }

  List<Diagnostic> list() {
    return found;
  }
}
