package org.qapi4j.runtime.server;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * QEMU's main loop: one thread that runs in-band commands one at a time, in the order they
 * arrived from all sessions, and whatever else the application gives it.
 */
public final class MainLoop implements Executor {
  private static final System.Logger LOG = System.getLogger(MainLoop.class.getName());
  private static final Runnable STOP = () -> {};

  private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean stopping;

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

  @Override
  public void execute(Runnable task) {
    if (stopping) {
      throw new RejectedExecutionException("the main loop has stopped");
    }
    tasks.add(task);
  }

  /** Runs what is queued, then stops; later tasks are refused. */
  public void stop() {
    stopping = true;
    tasks.add(STOP);
  }

  public void join() throws InterruptedException {
    if (thread.isAlive() && !inLoop()) {
      thread.join();
    }
  }

  private void run() {
    while (true) {
      Runnable task;
      try {
        task = tasks.take();
      } catch (InterruptedException e) {
        return;
      }
      if (task == STOP) {
        return;
      }
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        LOG.log(System.Logger.Level.ERROR, "a main loop task failed", e);
      }
    }
  }
}
