package org.qapi4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a QMP event, on a method of an events interface named in {@link Schema#events()}:
 * calling the method on the generated emitter sends
 * {@code {"event": NAME, "data": {...}, "timestamp": {"seconds": S, "microseconds": U}}} to every
 * session that completed capabilities negotiation.
 *
 * <p>The method's parameters are the event's data members ({@code data} is left out for an event
 * without parameters); the method returns {@code void}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Event {
  /**
   * The event's wire name. Empty (the default) derives it from the method name:
   * {@code balloonChange} is {@code BALLOON_CHANGE}.
   */
  String name() default "";

  /**
   * QAPI {@code boxed}: the event's data is the members of one struct or union, passed as the
   * method's single parameter. The wire form does not change.
   */
  boolean boxed() default false;
}
