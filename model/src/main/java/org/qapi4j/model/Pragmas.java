package org.qapi4j.model;

import java.util.List;

/** QAPI's {@code pragma} directives, which relax rules for the definitions they list. */
public record Pragmas(
    boolean docRequired,
    List<String> commandNameExceptions,
    List<String> commandReturnsExceptions,
    List<String> memberNameExceptions) {
  public static final Pragmas NONE = new Pragmas(false, List.of(), List.of(), List.of());

  public Pragmas {
    commandNameExceptions = List.copyOf(commandNameExceptions);
    commandReturnsExceptions = List.copyOf(commandReturnsExceptions);
    memberNameExceptions = List.copyOf(memberNameExceptions);
  }
}
