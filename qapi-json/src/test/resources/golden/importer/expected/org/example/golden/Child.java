package org.example.golden;

import org.qapi4j.annotations.Base;

/**
 * A struct with a base which has a base.
 *
 * @param age how old
 */
public record Child(
    @Base Parent base,
    long age
) {}
