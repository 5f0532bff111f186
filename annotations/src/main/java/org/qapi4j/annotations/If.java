package org.qapi4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * QAPI's {@code 'if'}: the element exists only in configurations where the condition holds. The
 * condition is written as QAPI structures it: a configuration symbol ({@code "CONFIG_SPICE"}), or
 * {@code all(...)}, {@code any(...)} and {@code not(...)} of conditions, nested at will:
 *
 * <pre>{@code
 * @If("all(TARGET_I386, not(CONFIG_USER_ONLY))")
 * }</pre>
 *
 * <p>On a definition, a member (record component or parameter), a union or alternate branch (its
 * record) or an enum value. A feature takes its condition in {@link Feature#condition()}. The
 * processor evaluates conditions against the symbols given with {@code -Aqapi4j.defined=A,B}:
 * elements whose condition fails are left out of the dispatch table, the marshalling and
 * {@code query-qmp-schema}, as QEMU's build leaves them out.
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
public @interface If {
  /** The condition: {@code SYMBOL}, {@code all(c, ...)}, {@code any(c, ...)} or {@code not(c)}. */
  String value();
}
