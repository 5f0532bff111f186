package org.qapi4j.runtime.server;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The command running on the current thread, and how it runs: the runtime's side of
 * {@link Coroutine}. Only the dispatcher enters it.
 */
public final class CommandContext {
  /** How a command runs. */
  enum Kind {
    /** On the main loop, blocking it. */
    PLAIN,
    /** On the main loop, allowed to wait. */
    COROUTINE,
    /** On the I/O thread ({@code exec-oob}). */
    OUT_OF_BAND
  }

  private record Frame(String command, Kind kind, MainLoop loop) {}

  private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();

  private CommandContext() {}

  /** Runs a command's handler as {@code kind}. */
  static <T> T run(String command, Kind kind, MainLoop loop, Supplier<T> handler) {
    Frame outer = CURRENT.get();
    CURRENT.set(new Frame(command, kind, loop));
    try {
      return handler.get();
    } finally {
      restore(outer);
    }
  }

  private static void restore(Frame frame) {
    if (frame == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(frame);
    }
  }

  /** True inside a coroutine command. */
  public static boolean inCoroutine() {
    Frame f = CURRENT.get();
    return f != null && f.kind() == Kind.COROUTINE;
  }

  /** {@link Coroutine#await}. */
  public static <T> T await(CompletionStage<T> stage) {
    Objects.requireNonNull(stage, "stage");
    Frame f = CURRENT.get();
    if (f == null || f.kind() != Kind.COROUTINE) {
      throw new IllegalStateException(notInCoroutine(f));
    }
    Object[] value = new Object[1];
    Throwable[] failure = new Throwable[1];
    CompletableFuture<Void> settled = new CompletableFuture<>();
    stage.whenComplete(
        (v, e) -> {
          value[0] = v;
          failure[0] = e;
          settled.complete(null);
        });
    // The tasks that run meanwhile are not part of the command: they may not wait themselves.
    CURRENT.remove();
    try {
      f.loop().runTasksUntil(settled);
    } finally {
      CURRENT.set(f);
    }
    if (failure[0] != null) {
      throw rethrow(failure[0]);
    }
    @SuppressWarnings("unchecked")
    T result = (T) value[0];
    return result;
  }

  private static String notInCoroutine(Frame f) {
    String rule = "Coroutine.await() may only be called by a command declared @Command(coroutine = true), while it runs";
    if (f == null) {
      return rule + "; no QMP command runs on thread '" + Thread.currentThread().getName() + "'";
    }
    if (f.kind() == Kind.OUT_OF_BAND) {
      return rule + "; command '" + f.command() + "' runs out-of-band, on the I/O thread, and must never wait";
    }
    return rule + "; command '" + f.command() + "' is not a coroutine command, and waiting would block the main loop";
  }

  private static RuntimeException rethrow(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new CompletionException(cause);
  }
}
