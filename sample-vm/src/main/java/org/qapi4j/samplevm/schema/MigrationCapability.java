package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Feature;

/**
 * QEMU's {@code MigrationCapability}. The sample VM acts on {@code events} (every status change of
 * a migration is sent as {@code MIGRATION}); it remembers the others and reports them, as
 * {@code query-migrate-capabilities} does.
 */
public enum MigrationCapability {
  XBZRLE,
  RDMA_PIN_ALL,
  AUTO_CONVERGE,
  ZERO_BLOCKS,
  COMPRESS,
  EVENTS,
  POSTCOPY_RAM,
  @Feature("unstable")
  X_COLO,
  RELEASE_RAM,
  BLOCK,
  RETURN_PATH,
  PAUSE_BEFORE_SWITCHOVER,
  MULTIFD,
  DIRTY_BITMAPS,
  POSTCOPY_BLOCKTIME,
  LATE_BLOCK_ACTIVATE,
  @Feature("unstable")
  X_IGNORE_SHARED,
  VALIDATE_UUID,
  BACKGROUND_SNAPSHOT,
  ZERO_COPY_SEND,
  POSTCOPY_PREEMPT
}
