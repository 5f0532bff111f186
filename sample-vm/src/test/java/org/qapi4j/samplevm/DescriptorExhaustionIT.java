package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample VM out of file descriptors for real (its limit lowered to {@value #LIMIT} with the
 * shell's {@code ulimit -n}, where the probe used 256): idle clients take every descriptor,
 * {@code accept} fails with "Too many open files", and the server neither spins nor floods its log
 * nor dies inside; once descriptors are free it serves the clients that waited and new ones.
 */
class DescriptorExhaustionIT {
  private static final int LIMIT = 96;
  /** Connection attempts before the test gives up: the limit and a backlog, many times over. */
  private static final int MAX_CLIENTS = 5000;

  @TempDir Path dir;
  private Process vm;
  private final List<SocketChannel> clients = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (SocketChannel c : clients) {
      c.close();
    }
    if (vm != null && vm.isAlive()) {
      vm.destroyForcibly().waitFor();
    }
  }

  @Test
  @Timeout(120)
  void outOfDescriptorsTheServerBacksOffLogsOnceAndServesAgain() throws Exception {
    Path socket = dir.resolve("vm.sock");
    Path log = dir.resolve("log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = System.getProperty("sample-vm.jar", "target/sample-vm.jar");
    vm = new ProcessBuilder("bash", "-c", "ulimit -n " + LIMIT + " && exec \"$@\"", "bash",
            java, "-jar", jar, "-qmp", "unix:" + socket + ",server=on,wait=off")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    QmpClient first = QmpClient.connect(socket, Duration.ofSeconds(60));
    first.read(); // the greeting: the VM is up
    assertEquals("{\"return\":{}}", first.call("{\"execute\": \"qmp_capabilities\"}").toString());

    // Idle clients until the server runs out: the ones accepted are greeted, the rest wait in the
    // backlog; once that is full too, the kernel refuses a connection (EAGAIN) until one is taken.
    for (int i = 0; !Files.readString(log).contains("accept failed"); i++) {
      if (i >= MAX_CLIENTS) {
        throw new AssertionError("accept never failed with " + clients.size() + " clients connected; the VM has "
            + Files.list(Path.of("/proc/" + vm.pid() + "/fd")).count() + " descriptors, "
            + Files.readAllLines(Path.of("/proc/" + vm.pid() + "/limits")).stream()
                .filter(l -> l.startsWith("Max open files")).findFirst().orElse("")
            + "; the log:\n" + Files.readString(log));
      }
      SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
      c.configureBlocking(false);
      try {
        c.connect(UnixDomainSocketAddress.of(socket));
        clients.add(c);
      } catch (IOException e) {
        c.close();
        Thread.sleep(10); // the backlog is full: the server has stopped accepting, or soon will
      }
    }
    long cpuBefore = cpuTicks(vm.pid());
    long t0 = System.nanoTime();
    // The server is up and its I/O thread alive: the first client is answered meanwhile.
    assertEquals("running", first.call("{\"execute\": \"query-status\"}").at("/return/status").asString());
    Thread.sleep(2000); // a window to measure: what the server spends while it cannot accept
    long cpu = cpuTicks(vm.pid()) - cpuBefore;
    double seconds = (System.nanoTime() - t0) / 1e9;
    // A busy loop on the listener would use a whole core (100 ticks a second).
    assertTrue(cpu < 25 * seconds, cpu + " ticks of CPU in " + seconds + " s while out of descriptors");
    String during = Files.readString(log);
    assertEquals(1, count(during, "accept failed"), during);

    // Descriptors come free: the last client, which waited in the backlog, is greeted, and a new
    // one is served.
    SocketChannel last = clients.remove(clients.size() - 1);
    for (SocketChannel c : clients) {
      c.close();
    }
    clients.clear();
    clients.add(last);
    first.close();
    assertTrue(greeting(last).startsWith("{\"QMP\": {\"version\": "), "a waiting client is greeted");
    try (QmpClient again = QmpClient.connect(socket, Duration.ofSeconds(30))) {
      assertTrue(again.read().toString().startsWith("{\"QMP\":"));
      assertEquals("{\"return\":{}}", again.call("{\"execute\": \"qmp_capabilities\"}").toString());
      assertEquals("running", again.call("{\"execute\": \"query-status\"}").at("/return/status").asString());
    }
    until("the episode's end is logged", () -> Files.readString(log).contains("accepting QMP clients again"));
    String after = Files.readString(log);
    assertEquals(1, count(after, "accept failed"), after);
    assertEquals(1, count(after, "accepting QMP clients again after"), after);
    assertTrue(vm.isAlive());
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  /** utime + stime of a process, in clock ticks (/proc/PID/stat, fields 14 and 15). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void until(String what, Check check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }

  /** The first line a client receives, within 30 s. */
  private static String greeting(SocketChannel c) throws IOException {
    c.configureBlocking(false);
    ByteBuffer b = ByteBuffer.allocate(4096);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Selector selector = Selector.open()) {
      c.register(selector, SelectionKey.OP_READ);
      while (b.position() == 0 || b.get(b.position() - 1) != '\n') {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError("no greeting within 30 s: " + new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
        }
        selector.select(left);
        if (c.read(b) < 0) {
          throw new AssertionError("closed before its greeting");
        }
      }
    }
    return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
  }
}
