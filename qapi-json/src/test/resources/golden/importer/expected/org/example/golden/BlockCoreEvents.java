package org.example.golden;

import org.qapi4j.annotations.Event;

/**
 * The events of QAPI module {@code sub/block-core.json}.
 */
public interface BlockCoreEvents {
  /**
   * An I/O error.
   *
   * @param device the device
   */
  @Event
  void blockIoError(String device);
}
