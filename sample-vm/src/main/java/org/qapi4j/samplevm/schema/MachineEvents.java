package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Event;

/** The events of QEMU's {@code qapi/machine.json}. */
public interface MachineEvents {
  /**
   * The guest's balloon driver changed the memory it holds. At most one a second, as QEMU sends
   * it: the first at once, the last of the second when it ends.
   */
  @Event(throttleMillis = 1000)
  void balloonChange(long actual);
}
