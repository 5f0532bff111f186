package org.qapi4j.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qapi4j.runtime.DeferredReply;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.ReplyWriter;

/**
 * Asynchronous commands are tracked per session and die with it: a deferred handler that never
 * completes — and whose stage cannot even be cancelled — does not keep its session reachable.
 */
class PendingCommandsTest {
  /**
   * A session in memory: what it sends is kept. Like {@link StdioSession}, it feeds and resumes its
   * streamer under the session's lock: the main loop resumes input (after the reply to
   * {@code qmp_capabilities}) while the test thread may already be feeding the next requests.
   */
  private static final class MemorySession extends Session {
    final List<String> sent = new CopyOnWriteArrayList<>();

    MemorySession(Dispatcher dispatcher) {
      super(dispatcher);
    }

    void feed(String input) {
      byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
      synchronized (this) {
        streamer.feed(bytes, 0, bytes.length);
      }
    }

    @Override
    public void send(byte[] message) {
      sent.add(new String(message, StandardCharsets.UTF_8).strip());
    }

    @Override
    protected void resumeInput() {
      synchronized (this) {
        streamer.resume();
      }
    }

    @Override
    public void close() {
      markClosed();
    }
  }

  private final MainLoop loop = new MainLoop();
  private final Semaphore started = new Semaphore(0);
  /** The stages the application keeps: never completed. */
  private final List<CompletionStage<String>> kept = new CopyOnWriteArrayList<>();
  private Dispatcher dispatcher;

  @BeforeEach
  void start() {
    loop.start();
    dispatcher = new Dispatcher(loop, List.of(
        // A stage whose toCompletableFuture() is a copy: cancelling that leaves the stage pending.
        new QmpCommand("forever", Set.of(QmpCommand.Flag.ASYNC), a -> {
          CompletionStage<String> stage = new CompletableFuture<String>().minimalCompletionStage();
          kept.add(stage);
          started.release();
          return DeferredReply.of(stage, v -> ReplyWriter.EMPTY_OBJECT);
        })), null);
  }

  @AfterEach
  void stop() throws InterruptedException {
    loop.stop();
    loop.join();
  }

  private static void until(String what, java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  private WeakReference<MemorySession> sessionWithPendingCommands() throws InterruptedException {
    MemorySession session = new MemorySession(dispatcher);
    session.feed("{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"oob\"]}}");
    until("negotiated", () -> session.sent.size() == 1);
    session.feed("{\"execute\":\"forever\",\"id\":1}{\"execute\":\"forever\",\"id\":2}");
    assertTrue(started.tryAcquire(2, 20, TimeUnit.SECONDS));
    until("both are pending", () -> session.pendingCommands() == 2);
    session.close();
    assertEquals(0, session.pendingCommands());
    assertEquals(List.of("{\"return\": {}}"), session.sent);
    return new WeakReference<>(session);
  }

  @Test
  void aStageThatNeverCompletesDoesNotKeepItsSession() throws InterruptedException {
    WeakReference<MemorySession> ref = sessionWithPendingCommands();
    assertEquals(2, kept.size()); // still referenced, still pending
    for (int i = 0; i < 50 && ref.get() != null; i++) {
      System.gc();
    }
    assertNull(ref.get(), "the closed session is still reachable");
  }
}
