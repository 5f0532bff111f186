package org.qapi4j.runtime.server;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The I/O thread: one NIO selector serving every socket of the server — accepting, reading,
 * parsing, running out-of-band commands, writing. Other threads hand it work with
 * {@link #execute}.
 */
public final class IoThread {
  private final Selector selector;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private volatile boolean running = true;
  /** The buffer every socket is read into: reads happen on this thread only, and are copied out. */
  private final java.nio.ByteBuffer readBuffer = java.nio.ByteBuffer.allocate(64 * 1024);

  public IoThread() throws IOException {
    selector = Selector.open();
    thread = new Thread(this::run, "qmp-io");
  }

  public void start() {
    thread.start();
  }

  /** The shared read buffer; on the I/O thread only. */
  java.nio.ByteBuffer readBuffer() {
    return readBuffer;
  }

  public boolean inThread() {
    return Thread.currentThread() == thread;
  }

  /** Runs a task on the I/O thread, soon. */
  public void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /**
   * Registers a channel; {@code ready} is called on the I/O thread with the key whenever an
   * operation in its interest set is ready. Call on the I/O thread.
   */
  public SelectionKey register(SelectableChannel channel, int ops, Consumer<SelectionKey> ready)
      throws ClosedChannelException {
    return channel.register(selector, ops, ready);
  }

  public void stop() {
    running = false;
    selector.wakeup();
  }

  public void join() throws InterruptedException {
    if (!inThread()) {
      thread.join();
    }
  }

  /** A task due at {@code deadline} (System.nanoTime); I/O thread only. */
  private record Timer(long deadline, long seq, Runnable task) {}

  private final java.util.PriorityQueue<Timer> timers = new java.util.PriorityQueue<>(
      (a, b) -> a.deadline != b.deadline ? Long.compare(a.deadline - b.deadline, 0) : Long.compare(a.seq, b.seq));
  private long timerSeq;

  /** Runs {@code task} on the I/O thread in {@code delayNanos} or a little later; callable from any thread. */
  public void schedule(long delayNanos, Runnable task) {
    if (!inThread()) {
      execute(() -> schedule(delayNanos, task));
      return;
    }
    timers.add(new Timer(System.nanoTime() + Math.max(0, delayNanos), timerSeq++, task));
  }

  @SuppressWarnings("unchecked")
  private void run() {
    int selectFailures = 0;
    while (running) {
      try {
        try {
          select();
          selectFailures = 0;
        } catch (IOException e) {
          if (!selector.isOpen()) {
            log("the selector was closed; the I/O thread stops", e);
            break;
          }
          // Logged once per episode, and retried after a pause that grows: never a busy loop.
          if (selectFailures++ == 0) {
            log("select failed; retrying", e);
          }
          pause(Math.min(1000, 10L << Math.min(selectFailures, 7)));
          continue;
        }
        Runnable task;
        while ((task = tasks.poll()) != null) {
          runSafely(task);
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (key.isValid()) {
            runSafely(() -> ((Consumer<SelectionKey>) key.attachment()).accept(key));
          }
        }
        selector.selectedKeys().clear();
        runTimers();
      } catch (Throwable e) {
        // Nothing that goes wrong in one turn ends the thread that serves every client.
        log("an I/O turn failed", e);
      }
    }
    Runnable task;
    while ((task = tasks.poll()) != null) {
      runSafely(task);
    }
    for (SelectionKey key : selector.keys()) {
      try {
        key.channel().close();
      } catch (Throwable e) {
        Session.log(System.Logger.Level.DEBUG, "close failed", e);
      }
    }
    try {
      selector.close();
    } catch (Throwable e) {
      Session.log(System.Logger.Level.DEBUG, "close failed", e);
    }
  }

  /** Waits for I/O, a task, or the next timer. */
  private void select() throws IOException {
    if (!tasks.isEmpty()) {
      selector.selectNow();
      return;
    }
    Timer next = timers.peek();
    if (next == null) {
      selector.select();
      return;
    }
    long millis = (next.deadline - System.nanoTime() + 999_999) / 1_000_000;
    if (millis <= 0) {
      selector.selectNow();
    } else {
      selector.select(millis);
    }
  }

  private void runTimers() {
    long now = System.nanoTime();
    Timer t;
    while ((t = timers.peek()) != null && t.deadline - now <= 0) {
      timers.poll();
      runSafely(t.task);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void log(String text, Throwable e) {
    Session.log(System.Logger.Level.ERROR, text, e);
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (Throwable e) {
      log("an I/O task failed", e);
    }
  }
}
