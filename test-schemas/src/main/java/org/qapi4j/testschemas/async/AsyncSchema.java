package org.qapi4j.testschemas.async;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;

/**
 * Asynchronous commands (the seeds' {@code async}, never merged into QEMU): methods returning a
 * {@link CompletionStage} or a {@link CompletableFuture} of their result. On the wire and in
 * introspection they are ordinary commands; their round trips are in {@code AsyncSchemaTest}.
 */
@Schema(value = "async-test", commandReturnsExceptions = "count")
public interface AsyncSchema {
  /** A struct result. */
  record Answer(String text, @Optional Long score) {}

  /** Returns an answer once the application has one. */
  @Command
  CompletionStage<Answer> ask(String question);

  /** Returns {@code {}} once done. */
  @Command
  CompletableFuture<Void> settle(long ticket);

  /** A list result. */
  @Command
  CompletionStage<List<Answer>> many(long n);

  /** A built-in result. */
  @Command
  CompletionStage<Long> count();

  /** No reply on success (QGA's {@code success-response: false}). */
  @Command(successResponse = false)
  CompletionStage<Void> fireAndForget(String what);

  /** Synchronous commands stay as they were beside them. */
  @Command(allowPreconfig = true)
  Answer now();
}
