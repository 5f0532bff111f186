package org.qapi4j.samplevm.schema;

/** The events of QEMU's {@code qapi/migration.json}. */
public interface MigrationEvents {
  /** A migration changed status (QEMU sends {@code setup} when an incoming migration starts). */
  @org.qapi4j.annotations.Event
  void migration(MigrationStatus status);
}
