package org.qapi4j.samplevm;

/** What the machine needs from the QMP server that serves it. */
public interface Host {
  /** True while in the preconfig phase ({@code --preconfig}). */
  boolean preconfig();

  /** Ends the preconfig phase: every command may run from now on. */
  void exitPreconfig();

  /**
   * Disconnects the clients of a socket monitor, by its index among the {@code -qmp} options
   * (QEMU's chardev {@code compat_monitorN}): QEMU's yank of a socket chardev.
   */
  void disconnectMonitor(int monitor);
}
