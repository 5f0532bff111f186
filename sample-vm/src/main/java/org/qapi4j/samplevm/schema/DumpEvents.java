package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Optional;
import org.qapi4j.samplevm.schema.DumpCommands.DumpQueryResult;

/** The events of QEMU's {@code qapi/dump.json}. */
public interface DumpEvents {
  /** A dump ended; {@code error} says why it failed. */
  @Event
  void dumpCompleted(DumpQueryResult result, @Optional String error);
}
