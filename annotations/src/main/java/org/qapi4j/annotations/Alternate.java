package org.qapi4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a QAPI alternate on a sealed interface: a value of one of several types that differ in
 * JSON type (object, string, number, boolean, array), so the JSON value says which. Each permitted
 * record is one variant with a single component, the value.
 *
 * <pre>{@code
 * @Alternate
 * sealed interface BlockdevRef {
 *   record Definition(BlockdevOptions value) implements BlockdevRef {}   // an object
 *   record Reference(String value) implements BlockdevRef {}             // a string
 * }
 * }</pre>
 *
 * <p>A variant's branch name is its record's name in kebab case, unless {@link Name} gives it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Alternate {}
