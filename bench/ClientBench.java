import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qapi4j.runtime.client.QmpClient;
import org.qapi4j.samplevm.schema.RunStateCommands;
import org.qapi4j.samplevm.schema.RunStateCommands_Async;
import org.qapi4j.samplevm.schema.StatusInfo;

/**
 * The client benchmark, run by hand (not in CI): qapi4j's QMP client and QEMU's own Python client
 * {@code qemu.qmp} (its asyncio {@code QMPClient}) side by side, in one run, against the same
 * server: the sample VM, then {@code qemu-system-x86_64 -M none}. Per client and server:
 *
 * <ul>
 *   <li>sequential round trips per second: {@code query-status}, one at a time (qapi4j: the typed
 *       blocking call {@code qmp.commands(RunStateCommands.class).queryStatus()}; qemu.qmp:
 *       {@code await qmp.execute('query-status')});
 *   <li>pipelined round trips per second: N {@code query-status} in flight (qapi4j: N calls of
 *       {@code RunStateCommands_Async.queryStatus()}, then {@code allOf(...).join()}; qemu.qmp:
 *       {@code asyncio.gather} of N executes), repeated;
 * </ul>
 *
 * and the same with a raw socket (a blocking socket, the request's bytes ready, the reply found by
 * its line end and not parsed): what the server, the kernel and the machine allow any client, the
 * ceiling. Each over several interleaved rounds (the clients take turns going first, so that a
 * change of the machine's load falls on all), after warming them up; the median, min and max over
 * the rounds, the ratio qapi4j / qemu.qmp of the medians, and the range of the per-round ratios.
 * Each round connects (not timed) and disconnects, as QEMU's monitor serves one client at a time.
 * Then, with the sample VM, the threads and heap of this JVM with 1,000 client connections open.
 *
 * <p>The Python side is {@code bench/qemu_qmp_bench.py}, a child process driven over its stdin.
 * Usage, from the project root, after {@code mvn -q -DskipTests package} (or {@code bash
 * bench/client.sh}, which sets the Python path):
 *
 * <pre>
 *   java -cp sample-vm/target/sample-vm.jar bench/ClientBench.java [--rounds 7] [--seconds 1.5]
 *       [--pipeline 1000] [--connections 1000] [--qemu qemu-system-x86_64] [--no-qemu]
 *       [--no-python] [--python python3] [--sample-vm sample-vm/target/sample-vm.jar]
 * </pre>
 */
public final class ClientBench {
  static int rounds = 7;
  static double seconds = 1.5;
  static int pipeline = 1000;
  static int connections = 1000;

  public static void main(String[] args) throws Exception {
    String jar = "sample-vm/target/sample-vm.jar";
    String qemu = "qemu-system-x86_64";
    String python = "python3";
    boolean withQemu = true;
    boolean withPython = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--pipeline" -> pipeline = Integer.parseInt(args[++i]);
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--qemu" -> qemu = args[++i];
        case "--no-qemu" -> withQemu = false;
        case "--no-python" -> withPython = false;
        case "--python" -> python = args[++i];
        case "--sample-vm" -> jar = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path dir = Files.createTempDirectory("client-bench");
    System.out.printf(Locale.ROOT, "Client benchmark: %d CPUs, %s %s, %d rounds of %.1f s per client and mode,"
            + " %d calls in flight when pipelined%nload average at the start: %s%n%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), rounds, seconds, pipeline, loadAverage());

    Python py = withPython ? Python.start(python) : null;
    Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
    String threadsAndHeap;
    List<String> vm = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar);
    try (Server s = Server.start("sample VM", vm, dir.resolve("vm.sock"))) {
      results.put(s.name, measure(s, py));
      threadsAndHeap = manyConnections(s.socket, connections);
    }
    if (withQemu) {
      List<String> cmd = List.of(qemu, "-M", "none", "-nodefaults", "-display", "none");
      try (Server s = Server.start("QEMU 7.2 -M none", cmd, dir.resolve("qemu.sock"))) {
        results.put(s.name, measure(s, py));
      }
    }
    if (py != null) {
      py.close();
    }
    System.out.printf("%nload average at the end: %s%n%n", loadAverage());
    report(results);
    System.out.println();
    System.out.println(threadsAndHeap);
  }

  // ---------------------------------------------------------------- measuring

  /** Per mode ("sequential", "pipelined") and client ("qapi4j", "qemu.qmp"): a rate per round. */
  static Map<String, double[]> measure(Server s, Python py) throws Exception {
    System.out.printf("%s: warming up...%n", s.name);
    try (QmpClient qmp = QmpClient.connect(s.address(), Duration.ofSeconds(30))) {
      sequential(qmp, 3.0);
      pipelined(qmp, pipeline, 3.0);
    }
    if (py != null) {
      py.connect(s.socket);
      py.rate("seq " + 1.0);
      py.rate("pipe " + pipeline + " " + 1.0);
      py.disconnect();
    }
    Map<String, double[]> r = new LinkedHashMap<>();
    for (String mode : List.of("sequential", "pipelined")) {
      for (String client : CLIENTS) {
        r.put(mode + " " + client, new double[rounds]);
      }
    }
    for (int round = 0; round < rounds; round++) {
      for (String mode : List.of("sequential", "pipelined")) {
        for (int k = 0; k < CLIENTS.size(); k++) {
          String client = CLIENTS.get((k + round) % CLIENTS.size()); // each goes first in turn
          double rate = switch (client) {
            case "qapi4j" -> javaRound(s, mode);
            case "qemu.qmp" -> py == null ? 0 : pythonRound(s, py, mode);
            default -> rawRound(s, mode);
          };
          r.get(mode + " " + client)[round] = rate;
          System.out.printf(Locale.ROOT, "%s: round %d, %-10s %-10s %,10.0f round trips/s   (load %s)%n", s.name,
              round + 1, mode, client, rate, loadAverage());
        }
      }
    }
    return r;
  }

  /** The clients, in the order of the first round; "raw socket" is the server's ceiling, not a client. */
  static final List<String> CLIENTS = List.of("qapi4j", "qemu.qmp", "raw socket");

  /**
   * The server's ceiling: a blocking socket in this thread, the request's bytes prepared, the reply
   * found by its line end and not parsed; pipelined, a second thread writes the N requests.
   */
  static double rawRound(Server s, String mode) throws Exception {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(s.address());
      Lines in = new Lines(ch);
      in.next(); // the greeting
      ch.write(ByteBuffer.wrap("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}\r\n"
          .getBytes(StandardCharsets.UTF_8)));
      in.next();
      byte[] request = "{\"execute\": \"query-status\", \"id\": 1}\r\n".getBytes(StandardCharsets.UTF_8);
      long calls = 0;
      long t0 = System.nanoTime();
      long deadline = t0 + (long) (seconds * 1e9);
      long now;
      if (mode.equals("sequential")) {
        do {
          for (int i = 0; i < 100; i++) {
            ch.write(ByteBuffer.wrap(request));
            in.next();
          }
          calls += 100;
        } while ((now = System.nanoTime()) < deadline);
      } else {
        byte[] batch = new String(request, StandardCharsets.UTF_8).repeat(pipeline).getBytes(StandardCharsets.UTF_8);
        do {
          Thread writer = new Thread(() -> {
            try {
              ch.write(ByteBuffer.wrap(batch));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
          writer.start();
          for (int i = 0; i < pipeline; i++) {
            in.next();
          }
          writer.join();
          calls += pipeline;
        } while ((now = System.nanoTime()) < deadline);
      }
      return calls / ((now - t0) / 1e9);
    }
  }

  /** Reads a socket line by line (QMP's replies end in CR LF); checks each is a reply or greeting. */
  static final class Lines {
    final SocketChannel ch;
    final ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
    int start;

    Lines(SocketChannel ch) {
      this.ch = ch;
      buf.limit(0);
    }

    void next() throws IOException {
      while (true) {
        for (int i = buf.position(); i < buf.limit(); i++) {
          if (buf.get(i) == '\n') {
            if (buf.get(buf.position() + 2) != 'r' && buf.get(buf.position() + 2) != 'Q') {
              throw new IOException("not a reply: " + StandardCharsets.UTF_8.decode(buf.duplicate()));
            }
            buf.position(i + 1);
            return;
          }
        }
        buf.compact();
        if (ch.read(buf) < 0) {
          throw new IOException("the server closed the connection");
        }
        buf.flip();
      }
    }
  }

  static double javaRound(Server s, String mode) {
    try (QmpClient qmp = QmpClient.connect(s.address(), Duration.ofSeconds(30))) {
      return mode.equals("sequential") ? sequential(qmp, seconds) : pipelined(qmp, pipeline, seconds);
    }
  }

  static double pythonRound(Server s, Python py, String mode) throws IOException {
    py.connect(s.socket);
    double rate = mode.equals("sequential") ? py.rate("seq " + seconds) : py.rate("pipe " + pipeline + " " + seconds);
    py.disconnect();
    return rate;
  }

  /** Blocking typed calls, one at a time, for {@code secs}; calls per second. */
  static double sequential(QmpClient qmp, double secs) {
    RunStateCommands commands = qmp.commands(RunStateCommands.class);
    long calls = 0;
    long t0 = System.nanoTime();
    long deadline = t0 + (long) (secs * 1e9);
    long now;
    do {
      for (int i = 0; i < 100; i++) {
        StatusInfo info = commands.queryStatus();
        if (info.status() == null) {
          throw new IllegalStateException("no status in " + info);
        }
      }
      calls += 100;
    } while ((now = System.nanoTime()) < deadline);
    return calls / ((now - t0) / 1e9);
  }

  /** {@code n} asynchronous typed calls, then waiting for all, repeated for {@code secs}; calls per second. */
  static double pipelined(QmpClient qmp, int n, double secs) {
    RunStateCommands_Async commands = qmp.commands(RunStateCommands_Async.class);
    @SuppressWarnings("unchecked")
    CompletableFuture<StatusInfo>[] futures = new CompletableFuture[n];
    long calls = 0;
    long t0 = System.nanoTime();
    long deadline = t0 + (long) (secs * 1e9);
    long now;
    do {
      for (int i = 0; i < n; i++) {
        futures[i] = commands.queryStatus();
      }
      CompletableFuture.allOf(futures).join();
      if (futures[n - 1].join().status() == null) {
        throw new IllegalStateException("no status");
      }
      calls += n;
    } while ((now = System.nanoTime()) < deadline);
    return calls / ((now - t0) / 1e9);
  }

  // ---------------------------------------------------------------- 1,000 connections

  /** This JVM's threads and heap with {@code n} connections open to the server. */
  static String manyConnections(Path socket, int n) throws Exception {
    System.out.printf("opening %,d connections to the sample VM...%n", n);
    UnixDomainSocketAddress address = UnixDomainSocketAddress.of(socket);
    StringBuilder out = new StringBuilder();
    long heap0 = heapAfterGc();
    int threads0 = threads();
    String names0 = clientThreads();
    List<QmpClient> open = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      open.add(QmpClient.connect(address, Duration.ofSeconds(30)));
    }
    double connectSeconds = (System.nanoTime() - t0) / 1e9;
    long heapConnected = heapAfterGc();
    int threadsConnected = threads();
    for (QmpClient c : open) {
      c.commands(RunStateCommands.class).queryStatus();
    }
    long heapCalled = heapAfterGc();
    int threadsCalled = threads();
    List<CompletableFuture<StatusInfo>> futures = new ArrayList<>();
    for (QmpClient c : open) {
      futures.add(c.commands(RunStateCommands_Async.class).queryStatus());
    }
    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
    futures.clear();
    long heapAsync = heapAfterGc();
    int threadsAsync = threads();
    String namesAsync = clientThreads();
    for (QmpClient c : open) {
      c.close();
    }
    out.append(String.format(Locale.ROOT, "%,d connections to the sample VM, this JVM (the client's side only):%n", n));
    out.append(String.format(Locale.ROOT, "| | threads | heap after GC | per connection |%n|---|---:|---:|---:|%n"));
    out.append(row("before (the benchmark's own connections closed)", threads0, heap0, heap0, 0));
    out.append(row(String.format(Locale.ROOT, "%,d connected (in %.2f s)", n, connectSeconds), threadsConnected,
        heapConnected, heap0, n));
    out.append(row("after a blocking typed call on each", threadsCalled, heapCalled, heap0, n));
    out.append(row("after an async typed call on each", threadsAsync, heapAsync, heap0, n));
    out.append(String.format("client threads before: %s%nclient threads after:  %s%n", names0, namesAsync));
    return out.toString();
  }

  static String row(String what, int threads, long heap, long heap0, int n) {
    return String.format(Locale.ROOT, "| %s | %d | %.1f MB | %s |%n", what, threads, heap / 1e6,
        n == 0 ? "" : String.format(Locale.ROOT, "%.2f KiB", (heap - heap0) / 1024.0 / n));
  }

  static long heapAfterGc() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  static int threads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** The client's threads, by name with the callback pool's counted. */
  static String clientThreads() {
    Map<String, Integer> names = new TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("qmp-client")) {
        names.merge(t.getName().replaceAll("-\\d+$", "-N"), 1, Integer::sum);
      }
    }
    return names.toString();
  }

  // ---------------------------------------------------------------- reporting

  static void report(Map<String, Map<String, double[]>> results) {
    System.out.println("round trips/s over " + rounds + " rounds: median (min-max)");
    System.out.println("| server | mode | qapi4j | qemu.qmp | qapi4j / qemu.qmp (per-round range) | goal"
        + " | raw socket (the server's ceiling) |");
    System.out.println("|---|---|---:|---:|---:|---|---:|");
    results.forEach((server, r) -> {
      for (String mode : List.of("sequential", "pipelined")) {
        double[] j = r.get(mode + " qapi4j");
        double[] p = r.get(mode + " qemu.qmp");
        boolean python = p[0] > 0;
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
          ratios[i] = python ? j[i] / p[i] : 0;
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", server,
            mode.equals("pipelined") ? "pipelined (" + pipeline + " in flight)" : mode, spread(j),
            python ? spread(p) : "-",
            python ? String.format(Locale.ROOT, "%.1f× (%.1f-%.1f)", median(j) / median(p), ratios[0],
                ratios[rounds - 1]) : "-",
            mode.equals("sequential") ? "≥ 5×" : "≥ 10×", spread(r.get(mode + " raw socket")));
      }
    });
  }

  static String spread(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f)", median(v), s[0], s[s.length - 1]);
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  // ---------------------------------------------------------------- the two processes

  /** bench/qemu_qmp_bench.py, driven over its stdin. */
  static final class Python implements AutoCloseable {
    private static final Pattern RESULT = Pattern.compile("\"calls\": (\\d+), \"seconds\": ([0-9.e-]+)");
    final Process process;
    final Writer in;
    final BufferedReader out;

    private Python(Process process) {
      this.process = process;
      this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static Python start(String python) throws IOException {
      ProcessBuilder pb = new ProcessBuilder(python, "bench/qemu_qmp_bench.py");
      pb.redirectError(ProcessBuilder.Redirect.INHERIT);
      return new Python(pb.start());
    }

    String command(String line) throws IOException {
      in.write(line + "\n");
      in.flush();
      String reply = out.readLine();
      if (reply == null) {
        throw new IOException("qemu_qmp_bench.py ended (see its error above) after: " + line);
      }
      return reply;
    }

    void connect(Path socket) throws IOException {
      command("connect " + socket);
    }

    void disconnect() throws IOException {
      command("disconnect");
    }

    double rate(String line) throws IOException {
      String reply = command(line);
      Matcher m = RESULT.matcher(reply);
      if (!m.find()) {
        throw new IOException("unexpected answer " + reply);
      }
      return Long.parseLong(m.group(1)) / Double.parseDouble(m.group(2));
    }

    @Override
    public void close() throws Exception {
      command("quit");
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** A server process with a QMP unix socket. */
  static final class Server implements AutoCloseable {
    final String name;
    final Process process;
    final Path socket;

    private Server(String name, Process process, Path socket) {
      this.name = name;
      this.process = process;
      this.socket = socket;
    }

    static Server start(String name, List<String> command, Path socket) throws Exception {
      List<String> cmd = new ArrayList<>(command);
      cmd.add("-qmp");
      cmd.add("unix:" + socket + ",server=on,wait=off");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.exists(socket)) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          p.destroyForcibly();
          throw new IOException(name + " did not start: " + String.join(" ", cmd));
        }
        Thread.sleep(20);
      }
      return new Server(name, p, socket);
    }

    UnixDomainSocketAddress address() {
      return UnixDomainSocketAddress.of(socket);
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Files.deleteIfExists(socket);
    }
  }
}
