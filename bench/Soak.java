import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak, run by hand (not in CI): many clients, well-behaved and not, against the sample VM and,
 * where it can take part, {@code qemu-system-x86_64 -M none}; prints the replies lost to live
 * clients (must be 0), the worst delay a well-behaved client saw, and the server's peak resident
 * memory (VmHWM of /proc/PID/status). See bench/README.md and docs/bench.md.
 *
 * <pre>
 *   java bench/Soak.java [--short | --seconds 300] [--sessions 1000] [--sample-vm sample-vm/target/sample-vm.jar]
 *                        [--qemu qemu-system-x86_64 | --no-qemu]
 * </pre>
 *
 * <p>Against the sample VM, all at once for the whole run: {@code sessions} connections in all,
 * most of them pipelining batches of {@code query-status}; 10 well-behaved clients (one request at
 * a time, each timed); 2 out-of-band floods (64 {@code exec-oob query-yank} and 16 in-band requests
 * per round: the in-band queue of 8 is full all the time); 2 clients sending at full speed while
 * reading 4 KiB every 2 ms; 20 clients that send and never read; 4 threads of clients vanishing
 * mid-command (a request and half of another, then close), over and over. QEMU's socket monitor
 * serves one client at a time: there the same scenarios run one after the other, one client each.
 */
public final class Soak {
  private static final String STATUS = "{\"execute\":\"query-status\",\"id\":%d}";

  public static void main(String[] args) throws Exception {
    int seconds = 120;
    int sessions = 1000;
    String jar = "sample-vm/target/sample-vm.jar";
    String qemu = "qemu-system-x86_64";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--short" -> seconds = 20;
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--sessions" -> sessions = Integer.parseInt(args[++i]);
        case "--sample-vm" -> jar = args[++i];
        case "--qemu" -> qemu = args[++i];
        case "--no-qemu" -> qemu = null;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("qmp-soak");
    List<String> rows = new ArrayList<>();
    rows.add(String.format(Locale.ROOT, "%-10s %9s %9s %11s %12s %12s %10s", "server", "sessions", "requests",
        "lost(live)", "worst delay", "vanished", "VmHWM"));
    Result vm = run("sample-vm", List.of("java", "-jar", jar, "-qmp", "unix:" + dir.resolve("vm.sock") + ",server=on,wait=off"),
        dir.resolve("vm.sock"), true, sessions, seconds);
    rows.add(vm.row("sample-vm"));
    if (qemu != null) {
      Result q = run("qemu", List.of(qemu, "-M", "none", "-nodefaults", "-display", "none", "-qmp",
          "unix:" + dir.resolve("qemu.sock") + ",server=on,wait=off"), dir.resolve("qemu.sock"), false, 1, seconds);
      rows.add(q.row("qemu"));
    }
    System.out.println();
    rows.forEach(System.out::println);
    Files.deleteIfExists(dir);
    if (vm.lost > 0) {
      System.exit(1);
    }
  }

  /** What one server did. */
  record Result(int sessions, long requests, long lost, long worstNanos, long vanished, long hwmKiB, String notes) {
    String row(String name) {
      return String.format(Locale.ROOT, "%-10s %9d %9d %11d %9.1f ms %12d %7d MiB  %s", name, sessions, requests, lost,
          worstNanos / 1e6, vanished, hwmKiB / 1024, notes);
    }
  }

  // --- counters of one run ---------------------------------------------------------------------
  static volatile boolean sending;
  static final AtomicLong requests = new AtomicLong();
  static final AtomicLong worst = new AtomicLong();
  static final AtomicLong vanished = new AtomicLong();
  /** Replies owed to live clients: what they sent minus what they got. */
  static final List<AtomicInteger> owed = new ArrayList<>();
  static final List<String> failures = new ArrayList<>();

  static AtomicInteger owedCounter() {
    AtomicInteger a = new AtomicInteger();
    synchronized (owed) {
      owed.add(a);
    }
    return a;
  }

  static void failed(String what, Throwable e) {
    if (sending) {
      synchronized (failures) {
        failures.add(what + ": " + e);
      }
    }
  }

  static Result run(String name, List<String> command, Path socket, boolean concurrent, int sessions, int seconds)
      throws Exception {
    System.out.println("== " + name + ": " + String.join(" ", command));
    sending = true;
    requests.set(0);
    worst.set(0);
    vanished.set(0);
    owed.clear();
    failures.clear();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(socket) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<Thread> live = new ArrayList<>();
    List<Thread> others = new ArrayList<>();
    List<Conn> nonReaders = new ArrayList<>();
    int opened;
    if (concurrent) {
      int fixed = 10 + 2 + 2 + 20 + 4;
      for (int i = 0; i < 10; i++) {
        live.add(start("well-" + i, () -> wellBehaved(socket)));
      }
      for (int i = 0; i < 2; i++) {
        live.add(start("oob-" + i, () -> oobFlood(socket)));
        live.add(start("slow-" + i, () -> fastSenderSlowReader(socket)));
      }
      for (int i = 0; i < 20; i++) {
        Conn c = Conn.open(socket, false);
        nonReaders.add(c);
        others.add(start("deaf-" + i, () -> nonReader(c)));
      }
      for (int i = 0; i < 4; i++) {
        others.add(start("vanish-" + i, () -> vanishing(socket)));
      }
      for (int i = 0; i < sessions - fixed; i++) {
        live.add(start("pipe-" + i, () -> pipelining(socket)));
      }
      opened = sessions;
      System.out.println(sessions + " sessions for " + seconds + " s");
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      sending = false;
    } else {
      // One client at a time: each scenario for a quarter of the time.
      Runnable[] scenarios = {() -> vanishing(socket), () -> oobFlood(socket), () -> fastSenderSlowReader(socket),
          () -> pipelining(socket), () -> wellBehaved(socket)};
      for (Runnable r : scenarios) {
        sending = true;
        Thread t = start("scenario", r);
        Thread.sleep(TimeUnit.SECONDS.toMillis(Math.max(2, seconds / scenarios.length)));
        sending = false;
        t.join(TimeUnit.SECONDS.toMillis(60));
      }
      opened = 1;
    }
    long joinBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // time for the replies still owed
    for (Thread t : live) {
      t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinBy - System.nanoTime())));
    }
    long lost = 0;
    synchronized (owed) {
      for (AtomicInteger a : owed) {
        lost += a.get();
      }
    }
    long hwm = vmHwm(p.pid());
    for (Conn c : nonReaders) {
      c.close();
    }
    for (Thread t : others) {
      t.join(5000);
    }
    p.destroy();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    Files.deleteIfExists(socket);
    String notes = failures.isEmpty() ? "" : failures.size() + " client failures, first: " + failures.get(0);
    return new Result(opened, requests.get(), lost, worst.get(), vanished.get(), hwm, notes);
  }

  static long vmHwm(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  static Thread start(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  // --- clients -------------------------------------------------------------------------------------

  /** One request at a time, each timed: the worst delay is the figure. */
  static void wellBehaved(Path socket) {
    AtomicInteger o = owedCounter();
    try (Conn c = Conn.open(socket, false)) {
      for (int id = 0; sending; id++) {
        long t0 = System.nanoTime();
        o.incrementAndGet();
        c.send(String.format(STATUS, id));
        c.replies(1);
        o.decrementAndGet();
        requests.incrementAndGet();
        worst.accumulateAndGet(System.nanoTime() - t0, Math::max);
        Thread.sleep(ThreadLocalRandom.current().nextInt(1, 20));
      }
    } catch (Exception e) {
      failed("well-behaved", e);
    }
  }

  /** Batches of 1..50 requests in one write, then their replies. */
  static void pipelining(Path socket) {
    AtomicInteger o = owedCounter();
    try (Conn c = Conn.open(socket, false)) {
      int id = 0;
      while (sending) {
        int n = ThreadLocalRandom.current().nextInt(1, 51);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
          b.append(String.format(STATUS, id++));
        }
        o.addAndGet(n);
        c.send(b.toString());
        c.replies(n);
        o.addAndGet(-n);
        requests.addAndGet(n);
        Thread.sleep(ThreadLocalRandom.current().nextInt(5, 100));
      }
    } catch (Exception e) {
      failed("pipelining", e);
    }
  }

  /** 64 out-of-band requests and 16 in-band ones per round (the in-band queue holds 8). */
  static void oobFlood(Path socket) {
    AtomicInteger o = owedCounter();
    try (Conn c = Conn.open(socket, true)) {
      while (sending) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 80; i++) {
          b.append(i % 5 == 4 ? "{\"execute\":\"query-status\"}" : "{\"exec-oob\":\"query-yank\"}");
        }
        o.addAndGet(80);
        c.send(b.toString());
        c.replies(80);
        o.addAndGet(-80);
        requests.addAndGet(80);
      }
    } catch (Exception e) {
      failed("oob flood", e);
    }
  }

  /** Sends as fast as the server lets it, reads 4 KiB every 2 ms; every reply must come. */
  static void fastSenderSlowReader(Path socket) {
    AtomicInteger o = owedCounter();
    try (Conn c = Conn.open(socket, false)) {
      Thread writer = start("fast-writer", () -> {
        byte[] batch = String.format(STATUS, 0).repeat(100).getBytes(StandardCharsets.US_ASCII);
        try {
          while (sending) {
            o.addAndGet(100);
            requests.addAndGet(100);
            c.send(batch);
          }
        } catch (IOException e) {
          failed("fast sender", e);
        }
      });
      byte[] buf = new byte[4096];
      while (sending || writer.isAlive() || o.get() > 0) {
        int n = c.in.read(buf, 0, buf.length);
        if (n < 0) {
          throw new IOException("closed by the server");
        }
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            o.decrementAndGet();
          }
        }
        if (sending) {
          Thread.sleep(2);
        }
      }
    } catch (Exception e) {
      failed("slow reader", e);
    }
  }

  /** Sends until the server stops reading it (back-pressure); never reads. Not a live client. */
  static void nonReader(Conn c) {
    byte[] batch = String.format(STATUS, 0).repeat(100).getBytes(StandardCharsets.US_ASCII);
    try {
      while (true) {
        c.send(batch);
      }
    } catch (IOException e) {
      // closed at the end
    }
  }

  /** Connects, sends a request and half of another, closes without reading: over and over. */
  static void vanishing(Path socket) {
    while (sending) {
      try (Conn c = Conn.open(socket, false)) {
        c.send("{\"execute\":\"query-status\"}{\"execute\":\"query-st");
        vanished.incrementAndGet();
      } catch (Exception e) {
        failed("vanishing", e);
      }
    }
  }

  /** A blocking connection: greeting read, capabilities negotiated. */
  static final class Conn implements AutoCloseable {
    final SocketChannel ch;
    final InputStream in;

    private Conn(SocketChannel ch) {
      this.ch = ch;
      this.in = new java.io.BufferedInputStream(java.nio.channels.Channels.newInputStream(ch), 65536);
    }

    static Conn open(Path socket, boolean oob) throws IOException {
      SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      ch.connect(UnixDomainSocketAddress.of(socket));
      Conn c = new Conn(ch);
      c.line(); // greeting
      c.send(oob ? "{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"oob\"]}}" : "{\"execute\":\"qmp_capabilities\"}");
      String r = c.line();
      if (!r.startsWith("{\"return\"")) {
        throw new IOException("negotiation: " + r);
      }
      return c;
    }

    void send(String s) throws IOException {
      send(s.getBytes(StandardCharsets.US_ASCII));
    }

    void send(byte[] b) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(b);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }

    String line() throws IOException {
      StringBuilder b = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        b.append((char) c);
      }
      if (c < 0) {
        throw new IOException("closed by the server");
      }
      return b.toString();
    }

    /** Reads {@code n} replies (events are not counted). */
    void replies(int n) throws IOException {
      for (int i = 0; i < n; ) {
        String l = line();
        if (l.startsWith("{\"return\"") || l.startsWith("{\"error\"") || l.startsWith("{\"id\"")) {
          i++;
        }
      }
    }

    @Override
    public void close() {
      try {
        ch.close();
      } catch (IOException e) {
        // gone
      }
    }
  }
}
