package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Command;

/** From QEMU's {@code qapi/control.json}. */
public interface ControlCommands {
  /** Returns the version of the emulator. */
  @Command(allowPreconfig = true)
  VersionInfo queryVersion();

  /** Makes the emulator exit: the reply is sent, then {@code SHUTDOWN}, then the process ends. */
  @Command(allowPreconfig = true)
  void quit();
}
