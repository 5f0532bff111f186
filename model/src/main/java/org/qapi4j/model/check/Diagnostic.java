package org.qapi4j.model.check;

import java.util.Optional;
import org.qapi4j.model.Origin;

/**
 * One violation: the rule, where it is, the definition it is in (QEMU's {@code In command 'x':}
 * context) and QEMU's message.
 *
 * @param context QEMU's context line without the file, e.g. {@code In command 'x':}; empty outside
 *     a definition
 * @param note an optional second location, QEMU's {@code previous definition}
 * @param definition the origin of the definition the violation is in (where QEMU reports every
 *     schema error); {@code origin} when outside any
 */
public record Diagnostic(
    Rule rule, Origin origin, String context, String message, Optional<Note> note, Origin definition) {
  /** A violation outside any definition. */
  public Diagnostic(Rule rule, Origin origin, String context, String message, Optional<Note> note) {
    this(rule, origin, context, message, note, origin);
  }

  /** A secondary location with its text. */
  public record Note(Origin origin, String message) {}

  /** The message with its context, as one line: {@code In command 'x': flags ...}. */
  public String text() {
    return context.isEmpty() ? message : context + " " + message;
  }

  @Override
  public String toString() {
    return "[qapi4j:" + rule.id() + "] " + text();
  }
}
