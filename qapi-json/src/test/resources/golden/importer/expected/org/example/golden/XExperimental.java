package org.example.golden;

import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Name;

/**
 * A type name Java cannot spell.
 *
 * @param a a member
 */
@Name("x-Experimental")
@If("all(CONFIG_A, not(CONFIG_B), any(CONFIG_C, CONFIG_D))")
public record XExperimental(
    long a
) {}
