package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Command;

/** From QEMU's {@code qapi/machine.json}. */
public interface MachineCommands {
  /** Resets the machine; {@code RESET} follows the reply. */
  @Command(name = "system_reset")
  void systemReset();

  /** Presses the ACPI power button; {@code POWERDOWN} follows the reply. */
  @Command(name = "system_powerdown")
  void systemPowerdown();

  /** Asks the guest's balloon driver to bring the guest's memory to {@code value} bytes. */
  @Command
  void balloon(long value);

  /** Returns the guest's memory size as the balloon driver reports it. */
  @Command
  BalloonInfo queryBalloon();
}
