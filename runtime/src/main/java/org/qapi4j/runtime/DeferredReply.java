package org.qapi4j.runtime;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * The reply of an asynchronous command (a handler returning a {@link CompletionStage}): what the
 * marshal function returns instead of the result's writer. The server sends the reply when the
 * stage completes, in the order of the session's requests, and goes on with other requests
 * meanwhile. It cancels the stage when the client disconnects first.
 *
 * <p>Generated dispatch tables create it for every command whose method returns
 * {@code CompletionStage<T>} or {@code CompletableFuture<T>}; a command registered by hand may
 * return one from its {@link CommandHandler} too.
 */
public final class DeferredReply implements ReplyWriter {
  private final CompletionStage<?> stage;
  private final Function<Object, ReplyWriter> writer;

  private DeferredReply(CompletionStage<?> stage, Function<Object, ReplyWriter> writer) {
    this.stage = stage;
    this.writer = writer;
  }

  /**
   * A reply that {@code writer} writes once {@code stage} has completed normally; if it completes
   * exceptionally the client gets the error ({@link QmpError}'s class and text, else a
   * {@code GenericError}).
   */
  @SuppressWarnings("unchecked")
  public static <T> DeferredReply of(CompletionStage<T> stage, Function<? super T, ? extends ReplyWriter> writer) {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(writer, "writer");
    return new DeferredReply(stage, value -> writer.apply((T) value));
  }

  /**
   * The same stage with its result's writer wrapped: for code that wraps every command's result
   * (a writer that must run in some context, say), which must wrap a deferred one too. {@code wrap}
   * gets null for a command without a reply ({@code success-response: false}).
   */
  public DeferredReply map(java.util.function.UnaryOperator<ReplyWriter> wrap) {
    Objects.requireNonNull(wrap, "wrap");
    return new DeferredReply(stage, value -> wrap.apply(writer.apply(value)));
  }

  /** The handler's stage. */
  public CompletionStage<?> stage() {
    return stage;
  }

  /**
   * Calls {@code done} once the stage completes: with the result's writer, or with the failure
   * (a writer function that throws counts as a failure).
   */
  public void whenComplete(BiConsumer<ReplyWriter, Throwable> done) {
    stage.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            done.accept(null, failure);
            return;
          }
          ReplyWriter w;
          try {
            w = writer.apply(value);
          } catch (RuntimeException e) {
            done.accept(null, e);
            return;
          }
          done.accept(w, null);
        });
  }

  /**
   * Cancels the handler's stage (its {@code CompletableFuture}, if it has one): what the server
   * does when the client that asked has gone.
   */
  public void cancel() {
    CompletableFuture<?> future;
    try {
      future = stage.toCompletableFuture();
    } catch (UnsupportedOperationException e) {
      return; // a stage that cannot be cancelled: its completion is ignored
    }
    future.cancel(false);
  }

  /** Never called: the server writes the value of the completed stage instead. */
  @Override
  public void write(JsonGenerator out) {
    throw new IllegalStateException("a deferred reply is written once its stage completes");
  }
}
