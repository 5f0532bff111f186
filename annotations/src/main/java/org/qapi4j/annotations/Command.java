package org.qapi4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a QMP command: {@code {"execute": NAME, "arguments": {...}}} on the wire.
 *
 * <p>The method's parameters are the command's arguments (QAPI {@code data}), each named after the
 * parameter ({@code nodeName} is {@code node-name} on the wire) unless {@link Name} says otherwise,
 * and mandatory unless marked {@link Optional}. The return type is the command's {@code returns};
 * {@code void} means the command returns {@code {}}.
 *
 * <p>The arguments come in one of three forms, as QAPI's {@code data} does; the wire and the
 * introspection of the last two are the same:
 *
 * <pre>{@code
 * // 'data': {'node': 'str', 'name': 'str'}: the parameters are the arguments
 * @Command void blockDirtyBitmapRemove(String node, String name);
 *
 * // 'data': 'BlockDirtyBitmap': the arguments are the record's members, declared one by one
 * @Command(data = BlockDirtyBitmap.class) void blockDirtyBitmapRemove(String node, String name);
 *
 * // 'data': 'BlockDirtyBitmap', 'boxed': true: the method takes the record whole
 * @Command(boxed = true) void blockDirtyBitmapRemove(BlockDirtyBitmap bitmap);
 * }</pre>
 *
 * <p>A method returning {@code CompletionStage<T>} or {@code CompletableFuture<T>} is an
 * <em>asynchronous</em> command (the seeds' {@code async}; QEMU never merged them): its result is
 * {@code T} ({@code Void}: {@code {}}), the server goes on with other requests until the stage
 * completes, replies still leave in request order, and a client that disconnects first cancels
 * the stage. Such a command is neither {@link #allowOob()} nor {@link #coroutine()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Command {
  /**
   * The command's wire name, the value of {@code "execute"}. Empty (the default) derives it from the
   * method name: {@code queryStatus} is {@code query-status}.
   */
  String name() default "";

  /**
   * QAPI {@code allow-oob}: the command may be sent as {@code {"exec-oob": NAME}} by a client that
   * enabled the {@code oob} capability. It then runs at once on the I/O thread, even while an
   * in-band command is running, and its reply may overtake in-band replies. Such a handler must
   * not block. Incompatible with {@link #coroutine()}.
   */
  boolean allowOob() default false;

  /**
   * QAPI {@code coroutine}: the handler runs on the main loop but may wait for a
   * {@code CompletionStage} without blocking it; QMP requests stay serialised. Incompatible with
   * {@link #allowOob()}.
   */
  boolean coroutine() default false;

  /**
   * QAPI {@code success-response}: {@code false} sends no reply at all when the command succeeds
   * (errors are still replied). Such a command must not return anything.
   */
  boolean successResponse() default true;

  /**
   * QAPI {@code allow-preconfig}: the command may run while the machine waits in the preconfig
   * state ({@code --preconfig}); other commands are refused there with {@code The command 'NAME'
   * is permitted only after machine initialization has completed}.
   */
  boolean allowPreconfig() default false;

  /**
   * QAPI {@code 'data': 'S'} without {@code boxed}: the command's arguments are the members of
   * struct {@code S} (a record; its base's members first), which the method declares as its
   * parameters, one by one, in that order, with the same wire names ({@link Name}), types
   * ({@link Type}) and {@link Optional} marks:
   *
   * <pre>{@code
   * record BlockDirtyBitmap(String node, String name) {}
   *
   * @Command(data = BlockDirtyBitmap.class)
   * void blockDirtyBitmapRemove(String node, String name);
   * }</pre>
   *
   * <p>Introspection names {@code S} as the command's {@code arg-type} instead of an implicit
   * type of the parameters; the wire form is the same as for parameters alone. The members'
   * conditions and features are {@code S}'s: the parameters carry no {@link If} or
   * {@link Feature} of their own. {@code void.class} (the default) means the parameters alone are
   * the arguments. A union takes {@link #boxed()} instead, which also names the type, by its one
   * parameter: the two do not go together.
   */
  Class<?> data() default void.class;

  /**
   * QAPI {@code boxed}: the command's arguments are the members of one struct or union, passed to
   * the method as its single parameter instead of one parameter per member. The wire form does
   * not change.
   */
  boolean boxed() default false;

  /**
   * QAPI {@code gen}: {@code false} generates no marshalling for the command; it is still part of
   * the schema (introspection) and its handler is registered by hand with the server.
   */
  boolean gen() default true;
}
