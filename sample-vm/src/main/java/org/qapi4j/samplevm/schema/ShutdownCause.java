package org.qapi4j.samplevm.schema;

/** Why the machine shut down or reset, in QEMU's order. */
public enum ShutdownCause {
  NONE,
  HOST_ERROR,
  HOST_QMP_QUIT,
  HOST_QMP_SYSTEM_RESET,
  HOST_SIGNAL,
  HOST_UI,
  GUEST_SHUTDOWN,
  GUEST_RESET,
  GUEST_PANIC,
  SUBSYSTEM_RESET,
  SNAPSHOT_LOAD
}
