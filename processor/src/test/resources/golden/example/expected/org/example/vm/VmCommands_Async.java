package org.example.vm;

import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The commands of {@link VmCommands} without blocking: each method sends its command and
 * returns at once, its future completed by the reply.
 * {@code qmpClient.commands(VmCommands_Async.class)} gives an implementation.
 */
@Generated(
    value = "org.qapi4j.processor.Qapi4jProcessor",
    comments = "from QAPI schema 'example'"
)
public interface VmCommands_Async {
  /**
   * Command {@code query-status}, as {@link VmCommands#queryStatus}.
   */
  CompletableFuture<StatusInfo> queryStatus();

  /**
   * Command {@code balloon}, as {@link VmCommands#balloon}.
   */
  CompletableFuture<Void> balloon(long value);

  /**
   * Command {@code screendump}, as {@link VmCommands#screendump}.
   */
  CompletableFuture<Void> screendump(String filename, String device);
}
