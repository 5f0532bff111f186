package org.qapi4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the root of a QAPI schema: an interface whose {@link Command} methods (its own and those of
 * every interface it extends) are the schema's commands, and whose {@link #events()} interfaces
 * declare the schema's events.
 *
 * <p>One root gives one dispatch table ({@code <Root>_Dispatch}) and, for every events interface,
 * one emitter ({@code <Events>_Emitter}). Definitions appear in the schema in this order: the
 * commands of the extended interfaces, depth first in {@code extends} order, then the root's own,
 * then the events in {@link #events()} order; types follow in order of first use.
 *
 * <p>The remaining attributes are QAPI's {@code pragma} directives, which relax the naming rules
 * for the definitions they list.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Schema {
  /** The schema's name, used in generated documentation and messages (e.g. {@code "sample-vm"}). */
  String value();

  /** The interfaces whose {@link Event} methods are the schema's events. */
  Class<?>[] events() default {};

  /**
   * Pragma {@code command-name-exceptions}: command wire names allowed to contain {@code '_'}
   * (QEMU lists its historic names here: {@code system_reset}, {@code device_add}, ...).
   */
  String[] commandNameExceptions() default {};

  /**
   * Pragma {@code command-returns-exceptions}: commands allowed to return something that is not
   * an object or a list of objects (a string, an integer, a list of strings...).
   */
  String[] commandReturnsExceptions() default {};

  /**
   * Pragma {@code member-name-exceptions}: types (by wire name) whose members and enum values may
   * use uppercase letters and {@code '_'}.
   */
  String[] memberNameExceptions() default {};

  /** Pragma {@code doc-required}: every definition must carry documentation (Javadoc). */
  boolean docRequired() default false;

  /**
   * The commands and events by wire name, in the order QAPI defines them, when it is not the
   * Java order (commands in interface order, then events). {@code query-qmp-schema} lists them in
   * this order and numbers the types it masks by first use; the importer writes it so that an
   * imported schema introspects exactly as its QAPI JSON does. Names not listed follow, in Java
   * order.
   */
  String[] definitionOrder() default {};

  /**
   * Types that belong to the schema though no command or event uses them (records, enums,
   * sealed interfaces): they are checked, and marshalling is generated for them. The types the
   * commands and events use belong to it anyway.
   */
  Class<?>[] types() default {};
}
