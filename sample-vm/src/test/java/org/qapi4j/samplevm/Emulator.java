package org.qapi4j.samplevm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.qapi4j.testsupport.Peers;
import tools.jackson.databind.JsonNode;

/**
 * An emulator process with QMP on a unix socket: the sample VM ({@code java -jar sample-vm.jar})
 * or Debian's {@code qemu-system-x86_64}, started with the same arguments.
 */
final class Emulator implements AutoCloseable {
  /** Which program. */
  enum Kind {
    SAMPLE_VM,
    QEMU
  }

  private final Process process;
  private final Path dir;
  private final List<QmpClient> clients = new ArrayList<>();

  private Emulator(Process process, Path dir) {
    this.process = process;
    this.dir = dir;
  }

  /**
   * Starts the emulator in {@code dir} with a monitor on {@code dir/qmp.sock} (and
   * {@code dir/qmpN.sock} for each further monitor), then {@code args}.
   */
  static Emulator start(Kind kind, Path dir, int monitors, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    if (kind == Kind.SAMPLE_VM) {
      command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-jar", System.getProperty("sample-vm.jar", "target/sample-vm.jar")));
    } else {
      command.add(Peers.qemuSystem().toString());
    }
    for (int i = 0; i < monitors; i++) {
      command.addAll(List.of("-qmp", "unix:" + socket(dir, i) + ",server=on,wait=off"));
    }
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve(kind.name().toLowerCase(java.util.Locale.ROOT) + ".log").toFile()).start();
    return new Emulator(p, dir);
  }

  static Path socket(Path dir, int monitor) {
    return dir.resolve(monitor == 0 ? "qmp.sock" : "qmp" + monitor + ".sock");
  }

  /** A new client of monitor {@code monitor}, greeting read. */
  QmpClient connect(int monitor) throws IOException, InterruptedException {
    QmpClient c = QmpClient.connect(socket(dir, monitor), Duration.ofSeconds(30));
    clients.add(c);
    JsonNode greeting = c.read();
    // QEMU 7.2 emits RESUME as it starts, and a client that connects at that moment can be sent
    // the event before its greeting (seen in a full build: {"event":"RESUME"} read first).
    while (greeting.has("event") && greeting.get("event").asString().equals("RESUME")) {
      greeting = c.read();
    }
    if (!greeting.has("QMP")) {
      throw new IOException("not a greeting: " + greeting);
    }
    return c;
  }

  /** A client of the first monitor that negotiated capabilities (with {@code oob} if asked). */
  QmpClient negotiated(boolean oob) throws IOException, InterruptedException {
    QmpClient c = connect(0);
    String reply = c.call(oob
        ? "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}"
        : "{\"execute\": \"qmp_capabilities\"}").toString();
    if (!reply.equals("{\"return\":{}}")) {
      throw new IOException("negotiation failed: " + reply);
    }
    return c;
  }

  Process process() {
    return process;
  }

  @Override
  public void close() throws IOException {
    for (QmpClient c : clients) {
      c.close();
    }
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
