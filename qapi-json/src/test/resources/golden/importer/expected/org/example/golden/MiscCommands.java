package org.example.golden;

import org.qapi4j.annotations.Command;

/**
 * The commands of QAPI module {@code misc.json}.
 */
public interface MiscCommands {
  /**
   * Answers.
   */
  @Command
  void ping();
}
