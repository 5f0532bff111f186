package org.example.golden;

import org.qapi4j.annotations.Event;

/**
 * The events of QAPI module {@code sub/misc.json}.
 */
public interface MiscEvents {
  /**
   * Ponged.
   */
  @Event
  void ponged();
}
