package org.qapi4j.runtime.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Waits for the first event of a name that passes a filter, from the moment it was made
 * ({@link QmpClient#expectEvent}): make it before sending the command whose event it awaits, so the
 * event cannot come before anyone listens. The filter runs on the client's I/O thread, must be
 * quick, and is given each event of the name until one passes.
 */
public final class EventWaiter implements AutoCloseable {
  private final QmpClient client;
  final String name;
  final Predicate<? super ReceivedEvent> filter;
  final CompletableFuture<ReceivedEvent> future = new CompletableFuture<>();

  EventWaiter(QmpClient client, String name, Predicate<? super ReceivedEvent> filter) {
    this.client = client;
    this.name = name;
    this.filter = filter;
  }

  /** The event's name. */
  public String name() {
    return name;
  }

  /**
   * The event, waiting at most {@code timeout}: {@link QmpTimeoutException} if none came (the
   * waiter is then closed), {@link QmpConnectionException} if the connection ended first.
   */
  public ReceivedEvent await(Duration timeout) {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      close();
      if (future.isDone() && !future.isCompletedExceptionally()) {
        return future.join();
      }
      throw new QmpTimeoutException("no event " + name + " within " + timeout, timeout);
    } catch (ExecutionException e) {
      throw QmpClient.rethrow(e.getCause());
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
      throw new QmpClientException("interrupted while waiting for event " + name, e);
    }
  }

  /**
   * The event as a future (completed on the client's I/O thread: use the {@code ...Async} forms
   * for work that may block); no deadline of its own.
   */
  public CompletableFuture<ReceivedEvent> future() {
    return future;
  }

  /** Stops waiting (the future is cancelled if not done). Idempotent. */
  @Override
  public void close() {
    client.removeWaiter(this);
    future.cancel(false);
  }
}
