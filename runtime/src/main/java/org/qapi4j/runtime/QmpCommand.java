package org.qapi4j.runtime;

import java.util.Objects;

/**
 * One entry of a dispatch table: a command's wire name, its QAPI flags and its marshal function.
 *
 * @param name the wire name, the value of {@code "execute"}
 * @param flags a bit set of {@link #ALLOW_OOB}, {@link #COROUTINE}, {@link #NO_SUCCESS_RESPONSE},
 *     {@link #ALLOW_PRECONFIG}, {@link #ASYNC}, and the command's special features
 *     {@link #DEPRECATED} and {@link #UNSTABLE} (which the server's {@link CompatPolicy} acts on)
 * @param handler the marshal function
 */
public record QmpCommand(String name, int flags, CommandHandler handler) {
  /** QAPI {@code allow-oob}: may be run with {@code exec-oob}, on the I/O thread. */
  public static final int ALLOW_OOB = 1;
  /** QAPI {@code coroutine}: may wait for a completion stage without blocking the main loop. */
  public static final int COROUTINE = 1 << 1;
  /** QAPI {@code success-response: false}: no reply on success. */
  public static final int NO_SUCCESS_RESPONSE = 1 << 2;
  /** QAPI {@code allow-preconfig}: may run before machine initialization completes. */
  public static final int ALLOW_PRECONFIG = 1 << 3;
  /** QAPI feature {@code deprecated}: refused under {@code -compat deprecated-input=reject}. */
  public static final int DEPRECATED = 1 << 4;
  /** QAPI feature {@code unstable}: refused under {@code -compat unstable-input=reject}. */
  public static final int UNSTABLE = 1 << 5;
  /**
   * Asynchronous (not QAPI: QEMU never merged it): the handler returns a {@link DeferredReply};
   * the server goes on with other requests until it completes. Never with {@link #ALLOW_OOB} or
   * {@link #COROUTINE}.
   */
  public static final int ASYNC = 1 << 6;

  public QmpCommand {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(handler, "handler");
    if ((flags & ASYNC) != 0 && (flags & (ALLOW_OOB | COROUTINE)) != 0) {
      throw new IllegalArgumentException(
          "command " + name + ": an asynchronous command cannot be allow-oob or coroutine");
    }
  }

  public boolean allowOob() {
    return (flags & ALLOW_OOB) != 0;
  }

  public boolean coroutine() {
    return (flags & COROUTINE) != 0;
  }

  public boolean successResponse() {
    return (flags & NO_SUCCESS_RESPONSE) == 0;
  }

  public boolean allowPreconfig() {
    return (flags & ALLOW_PRECONFIG) != 0;
  }

  /** The command's special features as {@link CompatPolicy#DEPRECATED} and {@link CompatPolicy#UNSTABLE} bits. */
  public int specialFeatures() {
    return ((flags & DEPRECATED) != 0 ? CompatPolicy.DEPRECATED : 0)
        | ((flags & UNSTABLE) != 0 ? CompatPolicy.UNSTABLE : 0);
  }

  public boolean async() {
    return (flags & ASYNC) != 0;
  }
}
