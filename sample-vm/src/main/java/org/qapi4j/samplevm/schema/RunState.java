package org.qapi4j.samplevm.schema;

/** The run states of a virtual machine, in QEMU's order. */
public enum RunState {
  DEBUG,
  INMIGRATE,
  INTERNAL_ERROR,
  IO_ERROR,
  PAUSED,
  POSTMIGRATE,
  PRELAUNCH,
  FINISH_MIGRATE,
  RESTORE_VM,
  RUNNING,
  SAVE_VM,
  SHUTDOWN,
  SUSPENDED,
  WATCHDOG,
  GUEST_PANICKED,
  COLO
}
