package org.example.golden;

import org.qapi4j.annotations.Type;

/**
 * @param side the side
 */
public record Square(
    @Type("uint32") long side
) {}
