package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Event;

/** The events of QEMU's {@code qapi/run-state.json}. */
public interface RunStateEvents {
  /** The machine shut down: by the guest ({@code guest} true) or by the host. */
  @Event
  void shutdown(boolean guest, ShutdownCause reason);

  /** The ACPI power button was pressed ({@code system_powerdown}). */
  @Event
  void powerdown();

  /** The machine was reset. */
  @Event
  void reset(boolean guest, ShutdownCause reason);

  /** The guest CPUs stopped. */
  @Event
  void stop();

  /** The guest CPUs resumed. */
  @Event
  void resume();
}
