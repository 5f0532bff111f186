package org.qapi4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * QAPI's {@code 'if'}: the element exists only in configurations where the condition holds. Give
 * exactly one attribute:
 *
 * <pre>{@code
 * @If("CONFIG_SPICE")                                  // 'if': 'CONFIG_SPICE'
 * @If(all = {"CONFIG_OPENGL", "CONFIG_GBM"})           // 'if': {'all': ['CONFIG_OPENGL', 'CONFIG_GBM']}
 * @If(any = {"TARGET_S390X", "TARGET_I386"})           // 'if': {'any': [...]}
 * @If(not = "CONFIG_USER_ONLY")                        // 'if': {'not': 'CONFIG_USER_ONLY'}
 * @If(all = {"TARGET_I386", "not(CONFIG_USER_ONLY)"})  // nested: operands in the text form
 * @If("all(TARGET_I386, any(A, not(B)))")              // any condition, as text
 * }</pre>
 *
 * <p>Every string is a condition in the text form: a configuration symbol, or {@code all(...)},
 * {@code any(...)} and {@code not(...)} of conditions, nested at will (an annotation cannot contain
 * itself, so nesting is written as text).
 *
 * <p>On a definition, a member (record component or parameter), a union or alternate branch (its
 * record) or an enum value. A feature takes its condition in {@link Feature#condition()}. The
 * processor evaluates conditions against the symbols given with {@code -Aqapi4j.defined=A,B}, as
 * QEMU's build does: an element whose condition fails is left out of the dispatch table, the
 * marshalling (a member is then unexpected on input and never written, an enum value refused),
 * the event emitters (the event is never sent) and {@code query-qmp-schema}.
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
  String value() default "";

  /** QAPI's {@code {'all': [...]}}: every one of these conditions holds. */
  String[] all() default {};

  /** QAPI's {@code {'any': [...]}}: at least one of these conditions holds. */
  String[] any() default {};

  /** QAPI's {@code {'not': ...}}: this condition does not hold. */
  String not() default "";
}
