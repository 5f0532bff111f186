package org.qapi4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A QAPI feature of a definition, member, enum value, command or event: shown by introspection
 * ({@code "features": [...]}). The special features {@code deprecated} and {@code unstable} are
 * subject to the server's compat policy; Java's {@link Deprecated} means feature
 * {@code deprecated}. QAPI forbids the special features on type definitions.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.TYPE,
  ElementType.METHOD,
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Repeatable(Features.class)
public @interface Feature {
  /** The feature's name: lower case, words joined by {@code '-'}. */
  String value();

  /** The feature's {@code 'if'} condition, in {@link If}'s syntax; empty if it has none. */
  String condition() default "";
}
