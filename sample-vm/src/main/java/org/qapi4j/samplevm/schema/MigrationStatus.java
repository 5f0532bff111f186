package org.qapi4j.samplevm.schema;

/** The states of a migration, QEMU's {@code MigrationStatus}. */
public enum MigrationStatus {
  NONE,
  SETUP,
  CANCELLING,
  CANCELLED,
  ACTIVE,
  POSTCOPY_ACTIVE,
  POSTCOPY_PAUSED,
  POSTCOPY_RECOVER,
  COMPLETED,
  FAILED,
  COLO,
  PRE_SWITCHOVER,
  DEVICE,
  WAIT_UNPLUG
}
