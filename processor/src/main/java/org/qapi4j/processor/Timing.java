package org.qapi4j.processor;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What {@code -Aqapi4j.timing} reports for one schema ({@link Qapi4jProcessor#TIMING_OPTION}): the
 * wall time of each phase, the CPU time of the threads that worked on the schema (which a busy
 * machine disturbs less), and the whole JVM's CPU and JIT time in the same window, for
 * {@code bench/schema.sh}.
 *
 * <p>{@link #OFF} measures nothing and loads no management class: the processor's path is the
 * same with and without it, and costs nothing when timing is not asked for.
 */
class Timing {
  /** Timing not asked for: every method does nothing. */
  static final Timing OFF = new Timing();

  private Timing() {}

  /** Starts timing a schema if {@code on}; else {@link #OFF}. */
  static Timing start(boolean on) {
    return on ? new On() : OFF;
  }

  /** Ends a phase (named in the report) at this moment. */
  void done(String phase) {}

  /** {@code task}, counting the CPU time of the thread that runs it with the schema's. */
  <T> Supplier<T> counted(Supplier<T> task) {
    return task;
  }

  /** The report, after the last phase; null when off. */
  String report() {
    return null;
  }

  private static final class On extends Timing {
    private final StringBuilder text = new StringBuilder();
    private final long cpuStart = Cpu.ofThisThread();
    private final long processStart = Cpu.ofProcess();
    private final long jitStart = Cpu.jit();
    private final long start = System.nanoTime();
    private long last = start;
    /** Other threads add to it at once. */
    private final AtomicLong otherThreads = new AtomicLong();

    @Override
    void done(String phase) {
      long now = System.nanoTime();
      text.append(phase).append(' ').append((now - last) / 1_000_000).append(" ms, ");
      last = now;
    }

    @Override
    <T> Supplier<T> counted(Supplier<T> task) {
      return () -> {
        long cpu = Cpu.ofThisThread();
        try {
          return task.get();
        } finally {
          otherThreads.addAndGet(Cpu.ofThisThread() - cpu);
        }
      };
    }

    @Override
    String report() {
      long cpu = Cpu.ofThisThread() - cpuStart + otherThreads.get();
      return text + "total " + (last - start) / 1_000_000 + " ms (CPU " + cpu / 1_000_000 + " ms"
          + "; whole JVM CPU " + (Cpu.ofProcess() - processStart) / 1_000_000 + " ms, JIT "
          + (Cpu.jit() - jitStart) + " ms)";
    }
  }

  /** The management beans, loaded only when timing is asked for: they cost a few dozen classes. */
  private static final class Cpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static long ofThisThread() {
      return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** The whole JVM's CPU time (javac, the JIT, the GC and the processor), if known. */
    static long ofProcess() {
      return ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** The JIT's compile time so far, in milliseconds. */
    static long jit() {
      CompilationMXBean c = ManagementFactory.getCompilationMXBean();
      return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
    }
  }
}
