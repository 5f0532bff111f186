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
 * without parameters); the method returns {@code void}. As for a {@link Command}, the data may
 * also be a named struct's members, declared one by one ({@link #data()}), or one struct or union
 * passed whole ({@link #boxed()}):
 *
 * <pre>{@code
 * @Event void diskFull(String device, long offset);                      // 'data': {...}
 * @Event(data = DiskPlace.class) void diskFull(String device, long offset); // 'data': 'DiskPlace'
 * @Event(boxed = true) void diskFull(DiskPlace data);                      // ..., 'boxed': true
 * }</pre>
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
   * QAPI {@code 'data': 'S'} without {@code boxed}: the event's data is the members of struct
   * {@code S} (a record; its base's members first), which the method declares as its parameters,
   * one by one, in that order, with the same wire names ({@link Name}), types ({@link Type}) and
   * {@link Optional} marks:
   *
   * <pre>{@code
   * record DiskPlace(String device, long offset) {}
   *
   * @Event(data = DiskPlace.class)
   * void diskFull(String device, long offset);
   * }</pre>
   *
   * <p>Introspection names {@code S} as the event's {@code arg-type}; the wire form is the same as
   * for parameters alone. The members' conditions and features are {@code S}'s.
   * {@code void.class} (the default) means the parameters alone are the data. A union takes
   * {@link #boxed()} instead; the two do not go together.
   */
  Class<?> data() default void.class;

  /**
   * QAPI {@code boxed}: the event's data is the members of one struct or union, passed as the
   * method's single parameter. The wire form does not change.
   */
  boolean boxed() default false;

  /**
   * Rate limit, in milliseconds (QEMU throttles {@code BALLOON_CHANGE}, {@code RTC_CHANGE} and a few
   * others to one per second): the first event goes out at once; events emitted within the period
   * after it are collapsed to the last, which is sent when the period ends (with the timestamp of
   * its emission), and starts a new period. 0 (the default) sends every event at once.
   */
  long throttleMillis() default 0;

  /**
   * With {@link #throttleMillis()}: the wire name of a data member whose value keys the throttling,
   * so that events for different keys do not collapse into each other ({@code VSERPORT_CHANGE} is
   * keyed by {@code id}). Empty (the default): one throttle for the event.
   */
  String throttleKey() default "";
}
