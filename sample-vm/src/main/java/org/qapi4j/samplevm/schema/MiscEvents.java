package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Event;

/** The events of QEMU's {@code qapi/misc.json}. */
public interface MiscEvents {
  /**
   * The guest set its real-time clock: {@code offset} is the new RTC time minus the base clock
   * (QEMU's {@code -rtc base}, here UTC), in seconds; {@code qomPath} names the RTC device. At
   * most one a second, as QEMU sends it.
   */
  @Event(throttleMillis = 1000)
  void rtcChange(long offset, String qomPath);
}
