package org.qapi4j.samplevm.schema;

/** A command's name, as {@code query-commands} lists it. */
public record CommandInfo(String name) {}
