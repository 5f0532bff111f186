package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Feature;

/** From QEMU's {@code qapi/misc.json}. */
public interface MiscCommands {
  /** Returns the guest name given with {@code -name}, if any. */
  @Command(allowPreconfig = true)
  NameInfo queryName();

  /** Stops all guest CPUs; {@code STOP} is sent if the machine was running. */
  @Command
  void stop();

  /** Resumes guest CPUs; {@code RESUME} is sent if the machine was stopped. */
  @Command
  void cont();

  /**
   * Leaves the preconfig phase ({@code --preconfig}): the machine is built and, unless started
   * with {@code -S}, runs ({@code RESUME}).
   */
  @Command(allowPreconfig = true)
  @Feature("unstable")
  void xExitPreconfig();
}
