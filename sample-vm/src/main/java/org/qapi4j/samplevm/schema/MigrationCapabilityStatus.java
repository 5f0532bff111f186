package org.qapi4j.samplevm.schema;

/** A migration capability and whether it is on, QEMU's {@code MigrationCapabilityStatus}. */
public record MigrationCapabilityStatus(MigrationCapability capability, boolean state) {}
