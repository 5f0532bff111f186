package org.example.golden;

/**
 * A base.
 *
 * @param id an identifier
 */
public record Parent(
    String id
) {}
