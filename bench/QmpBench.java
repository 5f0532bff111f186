import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The QMP benchmark, run by hand (not in CI): one client drives the sample VM and Debian's
 * {@code qemu-system-x86_64 -M none} side by side, in one run, and reports per server
 *
 * <ul>
 *   <li>sequential round trips per second ({@code query-status}, one at a time);
 *   <li>pipelined requests per second (10,000 {@code query-status} sent before reading);
 *   <li>{@code query-qmp-schema} replies per second;
 *   <li>the latency of an out-of-band reply ({@code exec-oob query-yank}, p50 and p99) while the
 *       main loop is blocked (QEMU: {@code blockdev-add} of a blkdebug node whose config is a FIFO,
 *       as QEMU's qmp-test does; the sample VM: {@code x-test-block-main-loop});
 * </ul>
 *
 * and, for the sample VM, the heap and resident memory of 1,000 and 10,000 idle sessions (QEMU's
 * socket chardev serves one client at a time). Usage, from the project root, after
 * {@code mvn -q -DskipTests package}:
 *
 * <pre>
 *   java bench/QmpBench.java [--sample-vm sample-vm/target/sample-vm.jar] [--qemu qemu-system-x86_64]
 *                            [--no-qemu] [--sessions 10000]
 * </pre>
 */
public final class QmpBench {
  private static final String QUERY_STATUS = "{\"execute\": \"query-status\"}";

  public static void main(String[] args) throws Exception {
    String jar = "sample-vm/target/sample-vm.jar";
    String qemu = "qemu-system-x86_64";
    boolean withQemu = true;
    int maxSessions = 10_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sample-vm" -> jar = args[++i];
        case "--qemu" -> qemu = args[++i];
        case "--no-qemu" -> withQemu = false;
        case "--sessions" -> maxSessions = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("qmp-bench");
    System.out.printf("QMP benchmark, %d CPUs, %s%n%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

    Result ours;
    List<String> vm = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "-test-commands"));
    try (Server s = Server.start("sample VM", vm, dir.resolve("vm.sock"))) {
      ours = measure(s, () -> s.client.send("{\"execute\": \"x-test-block-main-loop\", \"id\": \"blocked\"}"),
          () -> s.client.send("{\"exec-oob\": \"x-test-release-main-loop\"}"), 2);
      ours.sessions = sessions(s, dir.resolve("vm.sock"), maxSessions);
    }
    Result theirs = null;
    if (withQemu) {
      Path fifo = dir.resolve("blkdebug.fifo");
      new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
      List<String> cmd = List.of(qemu, "-M", "none", "-nodefaults", "-display", "none");
      try (Server s = Server.start("QEMU", cmd, dir.resolve("qemu.sock"))) {
        theirs = measure(s,
            () -> s.client.send("{\"execute\": \"blockdev-add\", \"arguments\": {\"driver\": \"blkdebug\","
                + " \"node-name\": \"blocked\", \"config\": \"" + fifo + "\", \"image\": {\"driver\": \"null-co\"}},"
                + " \"id\": \"blocked\"}"),
            () -> Files.newOutputStream(fifo).close(), 1);
      }
    }
    report(ours, theirs);
  }

  /** What was measured on one server. */
  static final class Result {
    String name;
    double roundTrips;
    double pipelined;
    double schema;
    double oobP50Micros;
    double oobP99Micros;
    long[][] sessions; // {count, heap bytes, rss bytes}
  }

  interface Action {
    void run() throws Exception;
  }

  private static Result measure(Server s, Action block, Action unblock, int repliesAfterUnblock) throws Exception {
    Client c = s.client;
    Result r = new Result();
    r.name = s.name;
    System.out.printf("%s: warming up...%n", s.name);
    for (int i = 0; i < 20_000; i++) {
      c.call(QUERY_STATUS);
    }
    pipelined(c, 10_000);
    for (int i = 0; i < 50; i++) {
      c.call("{\"execute\": \"query-qmp-schema\"}");
    }

    int n = 50_000;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      c.call(QUERY_STATUS);
    }
    r.roundTrips = n / seconds(t0);

    double best = 0;
    for (int k = 0; k < 3; k++) {
      best = Math.max(best, pipelined(c, 10_000));
    }
    r.pipelined = best;

    int schemas = 0;
    t0 = System.nanoTime();
    while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3)) {
      String reply = c.call("{\"execute\": \"query-qmp-schema\"}");
      if (!reply.startsWith("{\"return\": [{\"name\": ")) {
        throw new IOException("unexpected reply " + reply.substring(0, Math.min(100, reply.length())));
      }
      schemas++;
    }
    r.schema = schemas / seconds(t0);

    block.run();
    for (int i = 0; i < 5_000; i++) { // warm-up; the main loop is surely stuck once these are answered
      c.call("{\"exec-oob\": \"query-yank\"}");
    }
    int samples = 10_000;
    long[] micros = new long[samples];
    for (int i = 0; i < samples; i++) {
      long t = System.nanoTime();
      String reply = c.call("{\"exec-oob\": \"query-yank\"}");
      micros[i] = (System.nanoTime() - t) / 1000;
      if (!reply.contains("compat_monitor0")) {
        throw new IOException("unexpected OOB reply " + reply);
      }
    }
    unblock.run();
    for (int i = 0; i < repliesAfterUnblock; i++) {
      c.line(); // the blocked request's reply, and the release's
    }
    Arrays.sort(micros);
    r.oobP50Micros = micros[samples / 2];
    r.oobP99Micros = micros[samples * 99 / 100];
    return r;
  }

  /** Sends {@code n} requests before reading the first reply; requests per second. */
  private static double pipelined(Client c, int n) throws Exception {
    byte[] all = QUERY_STATUS.repeat(n).getBytes(StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    Thread writer = new Thread(() -> {
      try {
        c.write(all);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    for (int i = 0; i < n; i++) {
      c.line();
    }
    double rate = n / seconds(t0);
    writer.join();
    return rate;
  }

  /** Opens idle (negotiated) sessions up to each count; the server's heap after GC, and RSS. */
  private static long[][] sessions(Server s, Path socket, int max) throws Exception {
    List<long[]> rows = new ArrayList<>();
    List<Client> open = new ArrayList<>();
    rows.add(new long[] {1, heapAfterGc(s.process.pid()), rss(s.process.pid())});
    for (int target : new int[] {1_000, 10_000}) {
      if (target > max) {
        break;
      }
      System.out.printf("%s: opening %,d idle sessions...%n", s.name, target);
      while (open.size() < target) {
        Client c = Client.connect(socket);
        c.line();
        c.call("{\"execute\": \"qmp_capabilities\"}");
        open.add(c);
      }
      rows.add(new long[] {target, heapAfterGc(s.process.pid()), rss(s.process.pid())});
    }
    for (Client c : open) {
      c.close();
    }
    return rows.toArray(new long[0][]);
  }

  private static long heapAfterGc(long pid) throws Exception {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    // " garbage-first heap   total 262144K, used 10240K [...]"
    int used = info.indexOf("used ");
    int k = info.indexOf('K', used);
    return Long.parseLong(info.substring(used + 5, k).trim()) * 1024;
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static long rss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void report(Result ours, Result theirs) {
    System.out.println();
    System.out.printf(Locale.ROOT, "%-42s %14s %14s %8s %8s%n", "", "QEMU", "sample VM", "ratio", "target");
    row("sequential round trips/s (query-status)", theirs == null ? 0 : theirs.roundTrips, ours.roundTrips, "≥ 2×");
    row("pipelined requests/s (10,000 before reading)", theirs == null ? 0 : theirs.pipelined, ours.pipelined, "≥ 5×");
    row("query-qmp-schema replies/s", theirs == null ? 0 : theirs.schema, ours.schema, "≥ 25×");
    System.out.printf(Locale.ROOT, "%-42s %14s %14s %8s %8s%n", "OOB reply, main loop blocked: p50 (µs)",
        theirs == null ? "-" : String.format(Locale.ROOT, "%.0f", theirs.oobP50Micros),
        String.format(Locale.ROOT, "%.0f", ours.oobP50Micros), "", "");
    System.out.printf(Locale.ROOT, "%-42s %14s %14s %8s %8s%n", "OOB reply, main loop blocked: p99 (µs)",
        theirs == null ? "-" : String.format(Locale.ROOT, "%.0f", theirs.oobP99Micros),
        String.format(Locale.ROOT, "%.0f", ours.oobP99Micros), "", "< 1000");
    System.out.println();
    System.out.println("sample VM, idle negotiated sessions (QEMU's socket chardev serves one client at a time):");
    for (long[] row : ours.sessions) {
      System.out.printf(Locale.ROOT, "  %,7d sessions: heap after GC %7.1f MB, RSS %7.1f MB%n",
          row[0], row[1] / 1048576.0, row[2] / 1048576.0);
    }
    System.out.println("  target: 10,000 idle sessions under 100 MB of heap");
  }

  private static void row(String what, double qemu, double ours, String target) {
    System.out.printf(Locale.ROOT, "%-42s %14s %14s %8s %8s%n", what,
        qemu == 0 ? "-" : String.format(Locale.ROOT, "%,.0f", qemu), String.format(Locale.ROOT, "%,.0f", ours),
        qemu == 0 ? "-" : String.format(Locale.ROOT, "%.1f×", ours / qemu), target);
  }

  /** A server process with one benchmark client, negotiated with {@code oob}. */
  static final class Server implements AutoCloseable {
    final String name;
    final Process process;
    final Client client;

    private Server(String name, Process process, Client client) {
      this.name = name;
      this.process = process;
      this.client = client;
    }

    static Server start(String name, List<String> command, Path socket) throws Exception {
      List<String> cmd = new ArrayList<>(command);
      cmd.addAll(List.of("-qmp", "unix:" + socket + ",server=on,wait=off"));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(socket.resolveSibling(socket.getFileName() + ".log").toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      Client c;
      while (true) {
        try {
          c = Client.connect(socket);
          break;
        } catch (IOException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(20); // waiting for the process to bind its socket
        }
      }
      c.line();
      String reply = c.call("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}");
      if (!reply.equals("{\"return\": {}}")) {
        throw new IOException(name + ": negotiation failed: " + reply);
      }
      return new Server(name, p, c);
    }

    @Override
    public void close() throws Exception {
      client.close();
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** A QMP client reading lines (CR LF) from a unix socket with its own buffer. */
  static final class Client implements AutoCloseable {
    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(1 << 16);
    private byte[] line = new byte[1 << 12];

    private Client(SocketChannel channel) {
      this.channel = channel;
      in.flip();
    }

    static Client connect(Path socket) throws IOException {
      SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        ch.connect(UnixDomainSocketAddress.of(socket));
      } catch (IOException e) {
        ch.close();
        throw e;
      }
      return new Client(ch);
    }

    void send(String request) throws IOException {
      write(request.getBytes(StandardCharsets.UTF_8));
    }

    void write(byte[] bytes) throws IOException {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        channel.write(b);
      }
    }

    String call(String request) throws IOException {
      send(request);
      return line();
    }

    /** The next line, without CR LF. */
    String line() throws IOException {
      int n = 0;
      while (true) {
        if (!in.hasRemaining()) {
          in.clear();
          if (channel.read(in) < 0) {
            throw new IOException("connection closed");
          }
          in.flip();
        }
        byte b = in.get();
        if (b == '\n') {
          return new String(line, 0, n > 0 && line[n - 1] == '\r' ? n - 1 : n, StandardCharsets.UTF_8);
        }
        if (n == line.length) {
          line = Arrays.copyOf(line, 2 * n);
        }
        line[n++] = b;
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
