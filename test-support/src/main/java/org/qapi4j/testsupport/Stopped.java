package org.qapi4j.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A process stopped with {@code SIGSTOP}, as a test stops a server to see a client time out, and
 * resumed by {@link #close()}.
 *
 * <p>{@code kill -STOP} returns once the signal is sent, not once the process has stopped: a
 * thread running on another CPU goes on for a moment, long enough to greet a client that connects
 * at once (a test that failed so, now and then, under load). The constructor returns only when
 * every thread of the process is in state {@code T} in {@code /proc}.
 */
public final class Stopped implements AutoCloseable {
  private final long pid;

  private Stopped(long pid) {
    this.pid = pid;
  }

  /** Stops {@code pid} and waits, at most 10 seconds, until all its threads have stopped. */
  public static Stopped stop(long pid) {
    kill("-STOP", pid);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!allStopped(pid)) {
      if (System.nanoTime() - deadline > 0) {
        kill("-CONT", pid);
        throw new IllegalStateException("process " + pid + " did not stop within 10 s of SIGSTOP");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    return new Stopped(pid);
  }

  /** Resumes the process ({@code SIGCONT}). */
  @Override
  public void close() {
    kill("-CONT", pid);
  }

  private static boolean allStopped(long pid) {
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat = Files.readString(task.resolve("stat"));
        // pid (comm) STATE ...: comm may hold spaces and parentheses; the state follows the last ')'.
        char state = stat.charAt(stat.lastIndexOf(')') + 2);
        if (state != 'T' && state != 't') {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the state of process " + pid, e);
    }
  }

  private static void kill(String signal, long pid) {
    try {
      Process kill = new ProcessBuilder(List.of("kill", signal, Long.toString(pid))).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill " + signal + " " + pid + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
