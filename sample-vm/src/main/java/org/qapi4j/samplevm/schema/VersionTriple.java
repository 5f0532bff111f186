package org.qapi4j.samplevm.schema;

/** A three-part version number. */
public record VersionTriple(long major, long minor, long micro) {}
