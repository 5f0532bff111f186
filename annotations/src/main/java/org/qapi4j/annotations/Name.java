package org.qapi4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the wire name of a definition or member when the derived one is not the one wanted:
 * QEMU has names such as {@code node_name}, {@code x-foo} or {@code __com.redhat_x} that no Java
 * identifier derives.
 *
 * <p>Without it, a type's name is its simple name ({@code StatusInfo}), a member's is its Java name
 * in kebab case ({@code nodeName} is {@code node-name}) and an enum value's is its constant in
 * kebab lower case ({@code GUEST_PANICKED} is {@code guest-panicked}). The name given here passes
 * through the same QAPI naming rules as a derived one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.TYPE,
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
public @interface Name {
  /** The wire name. */
  String value();
}
