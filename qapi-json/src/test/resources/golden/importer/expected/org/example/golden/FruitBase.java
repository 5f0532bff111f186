package org.example.golden;

/**
 * @param type the kind
 * @param ripe whether it is ripe
 */
public record FruitBase(
    FruitKind type,
    boolean ripe
) {}
