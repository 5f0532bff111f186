package org.qapi4j.runtime.server;

import java.util.concurrent.CompletionStage;

/**
 * What a coroutine command ({@code @Command(coroutine = true)}) may do that other commands may
 * not: wait for something without blocking the main loop.
 *
 * <pre>{@code
 * @Override
 * public void screendump(String filename, ...) {
 *   Frame frame = Coroutine.await(display.nextFrame()); // timers, events, other tasks run meanwhile
 *   Coroutine.await(writer.write(frame, filename));
 * }
 * }</pre>
 *
 * <p>While the command waits, the main loop runs its other work (application tasks, deferred
 * work, throttled events); QMP requests still wait for the command to finish, from every session,
 * as QEMU's dispatcher coroutine takes no new request while one has yielded. As in QEMU, state the
 * command read before waiting may have changed when it resumes.
 */
public final class Coroutine {
  private Coroutine() {}

  /**
   * Waits for {@code stage} and returns its result; the main loop runs other tasks meanwhile.
   *
   * @throws IllegalStateException at once, when not called from a coroutine command while it runs
   *     (on the main loop): from another command, an out-of-band command, a task, or another thread
   * @throws org.qapi4j.runtime.QmpError (or any other unchecked exception) the stage failed with, as is
   * @throws java.util.concurrent.CompletionException wrapping a checked exception the stage failed
   *     with
   * @throws java.util.concurrent.CancellationException the stage was cancelled, or the server is
   *     stopping
   */
  public static <T> T await(CompletionStage<T> stage) {
    return CommandContext.await(stage);
  }

  /** True inside a coroutine command, where {@link #await} may be called. */
  public static boolean inCoroutine() {
    return CommandContext.inCoroutine();
  }
}
