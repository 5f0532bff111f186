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
  private static final System.Logger LOG = System.getLogger(IoThread.class.getName());

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

  @SuppressWarnings("unchecked")
  private void run() {
    while (running) {
      try {
        selector.select();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.ERROR, "selector failed", e);
        break;
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
    }
    Runnable task;
    while ((task = tasks.poll()) != null) {
      runSafely(task);
    }
    for (SelectionKey key : selector.keys()) {
      try {
        key.channel().close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "close failed", e);
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "close failed", e);
    }
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.ERROR, "an I/O task failed", e);
    }
  }
}
