package org.qapi4j.runtime.server;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.qapi4j.runtime.internal.LazyLogger;

/**
 * QEMU's main loop: one thread that runs in-band commands one at a time, in the order they
 * arrived from all sessions, and whatever else the application gives it.
 *
 * <p>It keeps two queues: <em>tasks</em> (the application's work, timers, work commands defer) and
 * <em>requests</em> (in-band QMP requests, QEMU's dispatcher coroutine). Normally it runs both in
 * the order they were submitted. While a coroutine command waits ({@link #runTasksUntil}), only
 * tasks run: the next QMP request waits until the coroutine command has finished, as QEMU's
 * dispatcher coroutine does not take a new request while the current one has yielded.
 */
public final class MainLoop implements Executor {
  private static final System.Logger LOG = LazyLogger.of(MainLoop.class);

  /** A queued unit of work and its submission number, which orders the two queues. */
  private record Entry(long seq, Runnable task) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition ready = lock.newCondition();
  private final ArrayDeque<Entry> tasks = new ArrayDeque<>(); // guarded by lock
  private final ArrayDeque<Entry> requests = new ArrayDeque<>(); // guarded by lock
  private long seq; // guarded by lock
  private boolean stopping; // guarded by lock
  private final Thread thread;

  public MainLoop() {
    thread = new Thread(this::run, "qmp-main-loop");
  }

  public void start() {
    thread.start();
  }

  /** True on the main loop's own thread. */
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Runs an application task on the main loop, after what was submitted before it. */
  @Override
  public void execute(Runnable task) {
    submit(tasks, task);
  }

  /** Queues an in-band QMP request: it runs after everything submitted before it. */
  void executeRequest(Runnable request) {
    submit(requests, request);
  }

  private void submit(ArrayDeque<Entry> queue, Runnable task) {
    lock.lock();
    try {
      if (stopping) {
        throw new RejectedExecutionException("the main loop has stopped");
      }
      queue.add(new Entry(seq++, task));
      ready.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Runs what is queued, then stops; later tasks are refused. */
  public void stop() {
    lock.lock();
    try {
      stopping = true;
      ready.signal();
    } finally {
      lock.unlock();
    }
  }

  public void join() throws InterruptedException {
    if (thread.isAlive() && !inLoop()) {
      thread.join();
    }
  }

  private void run() {
    while (true) {
      Runnable next;
      lock.lock();
      try {
        while (tasks.isEmpty() && requests.isEmpty() && !stopping) {
          ready.awaitUninterruptibly();
        }
        Entry task = tasks.peek();
        Entry request = requests.peek();
        if (task == null && request == null) {
          return; // stopping, and everything queued has run
        }
        next = (request == null || (task != null && task.seq() < request.seq()) ? tasks.poll() : requests.poll()).task();
      } finally {
        lock.unlock();
      }
      runSafely(next);
    }
  }

  /**
   * Runs tasks (never requests) until {@code stage} completes; on the main loop only. This is how a
   * coroutine command waits: the rest of the main loop goes on while it is suspended.
   *
   * @throws CancellationException when the main loop stops before {@code stage} completes
   */
  void runTasksUntil(CompletionStage<?> stage) {
    if (!inLoop()) {
      throw new IllegalStateException("not on the main loop");
    }
    boolean[] done = {false};
    stage.whenComplete(
        (r, e) -> {
          lock.lock();
          try {
            done[0] = true;
            ready.signal();
          } finally {
            lock.unlock();
          }
        });
    while (true) {
      Runnable next;
      lock.lock();
      try {
        while (!done[0] && tasks.isEmpty() && !stopping) {
          ready.awaitUninterruptibly();
        }
        if (done[0]) {
          return;
        }
        if (tasks.isEmpty()) {
          throw new CancellationException("the main loop is stopping");
        }
        next = tasks.poll().task();
      } finally {
        lock.unlock();
      }
      runSafely(next);
    }
  }

  /** The number of in-band requests waiting for the main loop. */
  public int queuedRequests() {
    lock.lock();
    try {
      return requests.size();
    } finally {
      lock.unlock();
    }
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.ERROR, "a main loop task failed", e);
    }
  }
}
