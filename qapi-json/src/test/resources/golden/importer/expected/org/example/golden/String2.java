package org.example.golden;

import org.qapi4j.annotations.Name;

/**
 * A type named like one the sources use.
 *
 * @param s a string
 */
@Name("String")
public record String2(
    String s
) {}
