package org.example.golden;

/**
 * @param crisp crisp or not
 */
public record Apple(
    boolean crisp
) {}
