package org.example.golden;

/**
 * @param shape its shape
 */
public record Pear(
    String shape
) {}
