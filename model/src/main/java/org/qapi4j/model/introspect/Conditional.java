package org.qapi4j.model.introspect;

import org.qapi4j.model.Condition;

/**
 * A value of the introspection that exists only where its condition holds: an entry, a member, an
 * enum value, a variant or a feature (QEMU's {@code Annotated}).
 */
public record Conditional(Object value, Condition condition) {}
