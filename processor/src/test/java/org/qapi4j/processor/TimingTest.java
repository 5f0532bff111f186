package org.qapi4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * {@code -Aqapi4j.timing}: one note per schema with its phases, which bench/schema.sh reads; and
 * nothing, not even a note, without the option.
 */
class TimingTest {
  private static final String NOTE =
      "\\[qapi4j:timing\\] schema org\\.example\\.vm\\.VmCommands: read \\d+ ms, check \\d+ ms, generate \\d+ ms,"
          + " marshalling \\d+ ms, total \\d+ ms \\(CPU \\d+ ms; whole JVM CPU \\d+ ms, JIT \\d+ ms\\)";

  private static List<String> notes(String... options) {
    Compilation c = Compiler.javac()
        .withProcessors(new Qapi4jProcessor())
        .withOptions((Object[]) options)
        .compile(Sources.under(Sources.resources().resolve("golden/example/input")));
    assertEquals(Compilation.Status.SUCCESS, c.status());
    return c.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
        .map(d -> d.getMessage(null))
        .filter(m -> m.contains("qapi4j"))
        .toList();
  }

  @Test
  void theOptionPrintsOneNoteWithEveryPhase() {
    List<String> notes = notes("-Aqapi4j.timing");
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).matches(NOTE), notes.get(0));
  }

  @Test
  void withoutTheOptionNothingIsPrinted() {
    assertEquals(List.of(), notes());
  }

  @Test
  void offMeasuresNothing() {
    Timing off = Timing.start(false);
    assertTrue(off == Timing.OFF);
    off.done("read");
    assertEquals("x", off.counted(() -> "x").get());
    assertNull(off.report());
  }

  @Test
  void onCountsWhatOtherThreadsRan() throws Exception {
    Timing on = Timing.start(true);
    on.done("read");
    // The other thread spins until it has used 50 ms of CPU, however busy the machine.
    Thread t = new Thread(() -> on.counted(() -> {
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long start = threads.getCurrentThreadCpuTime();
      long spin = 0;
      while (threads.getCurrentThreadCpuTime() - start < 50_000_000) {
        spin++;
      }
      return spin;
    }).get());
    t.start();
    t.join();
    on.done("check");
    String report = on.report();
    assertTrue(report.matches("read \\d+ ms, check \\d+ ms, total \\d+ ms \\(CPU (\\d+) ms;.*"), report);
    long cpu = Long.parseLong(report.replaceAll(".*\\(CPU (\\d+) ms;.*", "$1"));
    assertTrue(cpu >= 50, "the other thread's 50 ms count: " + report);
  }
}
