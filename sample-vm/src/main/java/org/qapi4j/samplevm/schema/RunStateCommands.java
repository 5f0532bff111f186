package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Command;

/** From QEMU's {@code qapi/run-state.json}. */
public interface RunStateCommands {
  /** Returns the run status of the virtual CPUs. */
  @Command(allowPreconfig = true)
  StatusInfo queryStatus();
}
