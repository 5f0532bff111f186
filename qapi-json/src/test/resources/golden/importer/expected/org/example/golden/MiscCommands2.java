package org.example.golden;

import org.qapi4j.annotations.Command;

/**
 * The commands of QAPI module {@code sub/misc.json}.
 */
public interface MiscCommands2 {
  /**
   * Answers too.
   */
  @Command
  void pong();
}
