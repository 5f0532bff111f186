package org.example.golden;

import org.qapi4j.annotations.Optional;

/**
 * A union with an inline base and a value without a branch, listed in
 * member-name-exceptions (which the Java form says of the base's record too).
 *
 * <p>Since: 7.2
 *
 * @param kind which shape
 * @param name its name
 */
public record ShapeBase(
    ShapeKind kind,
    @Optional String name
) {}
