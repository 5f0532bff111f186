package org.example.golden;

/**
 * @param radius the radius
 */
public record Circle(
    double radius
) {}
