package org.qapi4j.samplevm.schema;

import java.util.List;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Optional;

/**
 * From QEMU's {@code qapi/control.json}. {@code qmp_capabilities} and {@code query-commands} are
 * served by the QMP server itself ({@code gen = false}): they are here so that the schema, and its
 * introspection, have them where QEMU has them.
 */
public interface ControlCommands {
  /** Completes capabilities negotiation, enabling the capabilities listed. */
  @Command(name = "qmp_capabilities", allowPreconfig = true, gen = false)
  default void qmpCapabilities(@Optional List<QMPCapability> enable) {
    throw new UnsupportedOperationException("served by the QMP server");
  }

  /** Returns the version of the emulator. */
  @Command(allowPreconfig = true)
  VersionInfo queryVersion();

  /** Lists every command the server has. */
  @Command(allowPreconfig = true, gen = false)
  default List<CommandInfo> queryCommands() {
    throw new UnsupportedOperationException("served by the QMP server");
  }

  /** Makes the emulator exit: {@code SHUTDOWN}, the reply, then the process ends. */
  @Command(allowPreconfig = true)
  void quit();
}
