package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Optional;

/** The guest name; absent when none was given. */
public record NameInfo(@Optional String name) {}
