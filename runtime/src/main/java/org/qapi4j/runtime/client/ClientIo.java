package org.qapi4j.runtime.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.qapi4j.runtime.internal.LazyLogger;

/**
 * The threads every client of the JVM shares, whatever the number of connections:
 *
 * <ul>
 *   <li>one I/O thread ({@code qmp-client-io}): a NIO selector that connects, reads, frames and
 *       routes messages, and writes, for every connection;
 *   <li>one timer thread ({@code qmp-client-timer}) for the deadlines of asynchronous calls, of
 *       connecting, and of awaited events (blocking calls time themselves on the caller's thread);
 *   <li>a pool of at most {@value #CALLBACK_THREADS} threads for callbacks
 *       ({@code qmp-client-callback-N}), the default executor of event listeners, close listeners
 *       and asynchronous completions; its threads end after 30 s idle. A listener that blocks holds
 *       one of them and delays nobody else; a listener that may block for long should be given an
 *       executor of its own, lest {@value #CALLBACK_THREADS} of them stall the pool.
 * </ul>
 *
 * All are daemon threads, started with the first client.
 */
final class ClientIo {
  private static final System.Logger LOG = LazyLogger.of(ClientIo.class);
  /** The most threads the callback pool runs. */
  static final int CALLBACK_THREADS = 16;

  private static volatile ClientIo shared;

  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  /** The buffer every connection reads into; on the I/O thread only. */
  private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
  final ScheduledThreadPoolExecutor timer;
  final ExecutorService callbacks;

  private ClientIo() throws IOException {
    selector = Selector.open();
    thread = new Thread(this::run, "qmp-client-io");
    thread.setDaemon(true);
    timer = new ScheduledThreadPoolExecutor(1, daemons("qmp-client-timer", false));
    timer.setRemoveOnCancelPolicy(true);
    timer.setKeepAliveTime(30, TimeUnit.SECONDS);
    ThreadPoolExecutor pool = new ThreadPoolExecutor(CALLBACK_THREADS, CALLBACK_THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemons("qmp-client-callback-", true));
    pool.allowCoreThreadTimeOut(true);
    callbacks = pool;
  }

  static ClientIo shared() {
    ClientIo io = shared;
    if (io == null) {
      synchronized (ClientIo.class) {
        io = shared;
        if (io == null) {
          try {
            io = new ClientIo();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
          }
          io.thread.start();
          shared = io;
        }
      }
    }
    return io;
  }

  private static ThreadFactory daemons(String name, boolean numbered) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, numbered ? name + n.incrementAndGet() : name);
      t.setDaemon(true);
      return t;
    };
  }

  boolean inThread() {
    return Thread.currentThread() == thread;
  }

  /** Runs a task on the I/O thread, soon (at once if called on it would reorder; never). */
  void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /** Registers a channel; on the I/O thread only. */
  SelectionKey register(SelectableChannel channel, int ops, Consumer<SelectionKey> ready)
      throws ClosedChannelException {
    return channel.register(selector, ops, ready);
  }

  ByteBuffer readBuffer() {
    return readBuffer;
  }

  @SuppressWarnings("unchecked")
  private void run() {
    while (true) {
      try {
        selector.select();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.ERROR, "the client selector failed", e);
        return;
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
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (java.nio.channels.CancelledKeyException e) {
      // The connection was closed meanwhile (by a caller's thread, say) and its key cancelled:
      // what the task was to do no longer matters, and its end has been told.
      LOG.log(System.Logger.Level.DEBUG, "a client I/O task met a closed connection", e);
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.ERROR, "a client I/O task failed", e);
    }
  }
}
