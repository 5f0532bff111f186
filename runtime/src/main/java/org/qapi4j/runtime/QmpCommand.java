package org.qapi4j.runtime;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a dispatch table: a command's wire name, its QAPI flags and its marshal function.
 *
 * @param name the wire name, the value of {@code "execute"}
 * @param flags its {@link Flag}s: QAPI flags that differ from their defaults, and the command's
 *     special features {@link Flag#DEPRECATED} and {@link Flag#UNSTABLE} (which the server's
 *     {@link CompatPolicy} acts on)
 * @param handler the marshal function
 */
public record QmpCommand(String name, Set<Flag> flags, CommandHandler handler) {
  /** What a command is, beyond its name and handler. */
  public enum Flag {
    /** QAPI {@code allow-oob}: may be run with {@code exec-oob}, on the I/O thread. */
    ALLOW_OOB,
    /** QAPI {@code coroutine}: may wait for a completion stage without blocking the main loop. */
    COROUTINE,
    /** QAPI {@code success-response: false}: no reply on success. */
    NO_SUCCESS_RESPONSE,
    /** QAPI {@code allow-preconfig}: may run before machine initialization completes. */
    ALLOW_PRECONFIG,
    /** QAPI feature {@code deprecated}: refused under {@code -compat deprecated-input=reject}. */
    DEPRECATED,
    /** QAPI feature {@code unstable}: refused under {@code -compat unstable-input=reject}. */
    UNSTABLE,
    /**
     * Asynchronous (not QAPI: QEMU never merged it): the handler returns a {@link DeferredReply};
     * the server goes on with other requests until it completes. Never with {@link #ALLOW_OOB} or
     * {@link #COROUTINE}.
     */
    ASYNC
  }

  public QmpCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(flags, "flags");
    Objects.requireNonNull(handler, "handler");
    flags = Collections.unmodifiableSet(
        flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags));
    if (flags.contains(Flag.ASYNC) && (flags.contains(Flag.ALLOW_OOB) || flags.contains(Flag.COROUTINE))) {
      throw new IllegalArgumentException(
          "command " + name + ": an asynchronous command cannot be allow-oob or coroutine");
    }
  }

  /** A command with no flags: in-band, replied on success, run after machine initialization. */
  public QmpCommand(String name, CommandHandler handler) {
    this(name, Set.of(), handler);
  }

  public boolean allowOob() {
    return flags.contains(Flag.ALLOW_OOB);
  }

  public boolean coroutine() {
    return flags.contains(Flag.COROUTINE);
  }

  public boolean successResponse() {
    return !flags.contains(Flag.NO_SUCCESS_RESPONSE);
  }

  public boolean allowPreconfig() {
    return flags.contains(Flag.ALLOW_PRECONFIG);
  }

  /** The command's special features as {@link CompatPolicy#DEPRECATED} and {@link CompatPolicy#UNSTABLE} bits. */
  public int specialFeatures() {
    return (flags.contains(Flag.DEPRECATED) ? CompatPolicy.DEPRECATED : 0)
        | (flags.contains(Flag.UNSTABLE) ? CompatPolicy.UNSTABLE : 0);
  }

  public boolean async() {
    return flags.contains(Flag.ASYNC);
  }
}
