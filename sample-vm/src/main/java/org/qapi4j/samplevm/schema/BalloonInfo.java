package org.qapi4j.samplevm.schema;

/** The guest's memory size as the balloon driver reports it, in bytes. */
public record BalloonInfo(long actual) {}
