package org.qapi4j.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the tests compare qapi4j with, taken from QEMU itself: QEMU 7.2's sources (Debian's source
 * package, unpacked by {@code bash .ci/peers} into {@code $QAPI4J_QEMU}, by default
 * {@code ~/.cache/qapi4j/qemu-7.2}) and the installed binaries {@code qemu-system-x86_64} and
 * {@code qemu-ga}.
 *
 * <p>A test that needs one of them asks here. When it is missing the test is skipped, with the
 * command that fetches it; where {@code QAPI4J_PEERS_REQUIRED=1} (CI sets it once
 * {@code .ci/peers} succeeded) the test fails instead, so that nothing passes by not running.
 */
public final class Peers {
  /** What fetches every peer. */
  public static final String FETCH = "bash .ci/peers";

  /** Where QEMU's schema test suite is in its sources. */
  public static final String SCHEMA_CASES = "tests/qapi-schema";

  private static final Map<List<String>, String> REPLIES = new ConcurrentHashMap<>();

  private Peers() {}

  /** Skips the calling test when {@code available} is false, or fails it where peers are required. */
  public static void require(boolean available, String missing) {
    String message = missing + " (`" + FETCH + "` installs QEMU 7.2 from Debian)";
    if ("1".equals(System.getenv("QAPI4J_PEERS_REQUIRED"))) {
      Assertions.assertTrue(available, message);
    } else {
      Assumptions.assumeTrue(available, message);
    }
  }

  /**
   * Where QEMU's sources are: {@code -Dqapi4j.qemu}, else {@code $QAPI4J_QEMU}, else
   * {@code ${XDG_CACHE_HOME:-~/.cache}/qapi4j/qemu-7.2}, whether or not they are there.
   */
  public static Path qemuSourceDir() {
    String given = System.getProperty("qapi4j.qemu", System.getenv("QAPI4J_QEMU"));
    if (given != null && !given.isEmpty()) {
      return Path.of(given);
    }
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base = cache != null && !cache.isEmpty() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("qapi4j").resolve("qemu-7.2");
  }

  /** {@code relative} in QEMU 7.2's source tree (for instance {@code qapi}, {@code tests/qapi-schema}); skips without it. */
  public static Path qemuSource(String relative) {
    Path dir = qemuSourceDir();
    require(Files.isRegularFile(dir.resolve("COMPLETE")), "QEMU 7.2's sources are not in " + dir);
    return dir.resolve(relative);
  }

  /**
   * The cases of QEMU's schema test suite ({@code tests/qapi-schema}): each {@code X.json} with
   * its {@code X.err}, as QEMU's harness runs them (its tree keeps one {@code .err} without its
   * case, {@code escape-outside-string}, which is left out). Without QEMU's sources, one
   * placeholder case, whose test {@link #qemuSource} then skips.
   */
  public static Stream<String> qemuSchemaCases() {
    Path suite = qemuSourceDir().resolve(SCHEMA_CASES);
    if (!Files.isDirectory(suite)) {
      return Stream.of("(QEMU's schema test suite)");
    }
    try (Stream<Path> files = Files.list(suite)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".err"))
          .map(n -> n.substring(0, n.length() - ".err".length()))
          .filter(n -> Files.isRegularFile(suite.resolve(n + ".json")))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A program on the {@code PATH} (or in {@code /usr/sbin}, where Debian puts {@code qemu-ga}), if installed. */
  public static Optional<Path> program(String name) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.add("/usr/sbin");
    for (String d : dirs) {
      File f = new File(d, name);
      if (!d.isEmpty() && f.canExecute()) {
        return Optional.of(f.toPath());
      }
    }
    return Optional.empty();
  }

  /** The installed {@code qemu-system-x86_64}; skips without it. */
  public static Path qemuSystem() {
    Optional<Path> p = program("qemu-system-x86_64");
    require(p.isPresent(), "qemu-system-x86_64 is not installed");
    return p.orElseThrow();
  }

  /** The installed guest agent, {@code qemu-ga}; skips without it. */
  public static Path qemuGa() {
    Optional<Path> p = program("qemu-ga");
    require(p.isPresent(), "qemu-ga is not installed");
    return p.orElseThrow();
  }

  /**
   * Waits until {@code process} has made the file {@code path} (a socket it listens on), watching
   * its directory: no polling. Fails if the process ends first or {@code timeout} passes.
   */
  public static void awaitFile(Path path, Process process, java.time.Duration timeout) throws IOException {
    try (java.nio.file.WatchService watch = path.getFileSystem().newWatchService()) {
      path.getParent().register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!Files.exists(path)) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive()) {
          throw new IOException(process.info().command().orElse("the process") + " did not make " + path
              + (process.isAlive() ? " within " + timeout : ": it ended with status " + process.exitValue()));
        }
        java.nio.file.WatchKey key = watch.poll(left, TimeUnit.NANOSECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + path, e);
    }
  }

  /**
   * Waits until {@code process} listens on the unix socket {@code path}: the file appears when the
   * socket is bound ({@link #awaitFile}), and connections are refused for the moment between that
   * and {@code listen()}, which no event tells: that moment is waited out with a few connection
   * attempts, 1 ms apart and more. The probing connection is closed at once.
   */
  public static void awaitSocket(Path path, Process process, java.time.Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    awaitFile(path, process, timeout);
    for (long pause = 1; ; pause = Math.min(pause * 2, 50)) {
      try (java.nio.channels.SocketChannel c = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
        c.connect(java.net.UnixDomainSocketAddress.of(path));
        return;
      } catch (java.net.ConnectException e) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          throw new IOException(path + " refuses connections", e);
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for " + path, ie);
        }
      }
    }
  }

  /**
   * The commands of the guest agent that could change the host it runs on (power it down, set its
   * clock, run or write things): blocked ({@code qemu-ga -b}) wherever a test starts the agent.
   */
  public static final String QEMU_GA_BLOCKED = "guest-shutdown,guest-suspend-disk,guest-suspend-ram,"
      + "guest-suspend-hybrid,guest-set-time,guest-set-user-password,guest-set-vcpus,guest-set-memory-blocks,"
      + "guest-fsfreeze-freeze,guest-fsfreeze-freeze-list,guest-fstrim,guest-exec,guest-file-open,"
      + "guest-ssh-add-authorized-keys,guest-ssh-remove-authorized-keys";

  /**
   * The installed guest agent, run on this machine as a guest's would be, listening on
   * {@code dir/qga.sock} ({@code qemu-ga -m unix-listen}, its state, pid file and log in
   * {@code dir}, {@link #QEMU_GA_BLOCKED} blocked), once it listens; skips without it.
   */
  public static Process startQemuGa(Path dir) throws IOException {
    Path socket = dir.resolve("qga.sock");
    Process agent = new ProcessBuilder(qemuGa().toString(), "-m", "unix-listen", "-p", socket.toString(),
        "-t", dir.toString(), "-f", dir.resolve("qga.pid").toString(), "-b", QEMU_GA_BLOCKED)
        .redirectErrorStream(true).redirectOutput(dir.resolve("qga.log").toFile()).start();
    awaitSocket(socket, agent, java.time.Duration.ofSeconds(10));
    return agent;
  }

  /**
   * What the installed {@code qemu-system-x86_64 -M none -nodefaults -display none}, with
   * {@code extraArgs}, answers to {@code query-qmp-schema}: the reply's {@code return} value, as
   * QEMU printed it. Asked once per JVM for each set of arguments.
   */
  public static String queryQmpSchema(String... extraArgs) {
    Path qemu = qemuSystem();
    return REPLIES.computeIfAbsent(List.of(extraArgs), args -> ask(qemu, args, "query-qmp-schema"));
  }

  /** Sends {@code command} over {@code -qmp stdio} after negotiation; its {@code return} value as printed. */
  private static String ask(Path qemu, List<String> extraArgs, String command) {
    List<String> argv = new ArrayList<>(List.of(qemu.toString(), "-M", "none", "-nodefaults", "-display", "none",
        "-qmp", "stdio"));
    argv.addAll(extraArgs);
    Process p;
    try {
      p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A QEMU that hangs must not hang the build: after a minute it is killed, its output ends,
    // and the exchange fails with what it got.
    java.util.concurrent.CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(p::destroyForcibly);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
      expect(in, "{\"QMP\": ");
      out.write("{\"execute\": \"qmp_capabilities\"}\n");
      out.flush();
      expect(in, "{\"return\": {}}");
      out.write("{\"execute\": \"" + command + "\"}\n");
      out.flush();
      String reply = expect(in, "{\"return\": ");
      return reply.substring("{\"return\": ".length(), reply.length() - 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      p.destroy();
      try {
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The next line (QEMU ends its messages with CR LF), which must start with {@code prefix}. */
  private static String expect(BufferedReader in, String prefix) throws IOException {
    String line = in.readLine();
    if (line == null || !line.startsWith(prefix)) {
      throw new IOException("qemu-system-x86_64 answered " + line + " where " + prefix + "... was expected");
    }
    return line.strip();
  }
}
