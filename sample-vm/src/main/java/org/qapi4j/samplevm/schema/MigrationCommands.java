package org.qapi4j.samplevm.schema;

import java.util.List;
import org.qapi4j.annotations.Command;

/**
 * From QEMU's {@code qapi/migration.json}: the migration capabilities, and the out-of-band commands
 * of postcopy recovery. These run on the I/O thread, so they work while the main loop is stuck (in
 * QEMU, on a guest page fault that the broken migration stream will never resolve).
 */
public interface MigrationCommands {
  /**
   * Turns migration capabilities on or off; with {@code events} on, every status change of the
   * migration is sent as {@code MIGRATION}.
   */
  @Command
  void migrateSetCapabilities(List<MigrationCapabilityStatus> capabilities);

  /** Every migration capability, in QEMU's order, with its state. */
  @Command
  List<MigrationCapabilityStatus> queryMigrateCapabilities();

  /** Pauses a postcopy migration by shutting its stream down; it can then be recovered. */
  @Command(allowOob = true)
  void migratePause();

  /** Listens on {@code uri} for the source of a paused postcopy migration to reconnect. */
  @Command(allowOob = true)
  void migrateRecover(String uri);
}
