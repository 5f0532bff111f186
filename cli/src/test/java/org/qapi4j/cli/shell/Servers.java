package org.qapi4j.cli.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.qapi4j.testsupport.Peers;

/** The servers the shell's tests talk to, each a process listening on a unix socket in a test's directory. */
final class Servers {
  private Servers() {}

  /** A server process and its socket. */
  record Server(Process process, Path socket) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** This JVM's java and class path (the tests', which hold the cli and the sample VM). */
  static List<String> java(String mainClass) {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), mainClass);
  }

  /** The sample VM, {@code -qmp unix:DIR/vm.sock}. */
  static Server sampleVm(Path dir) throws IOException {
    Path socket = dir.resolve("vm.sock");
    List<String> command = new java.util.ArrayList<>(java("org.qapi4j.samplevm.Main"));
    command.addAll(List.of("-qmp", "unix:" + socket + ",server=on,wait=off"));
    return started(command, socket, dir.resolve("vm.log"));
  }

  /** {@code qemu-system-x86_64 -M none -nodefaults -display none -qmp unix:DIR/qemu.sock}; skips without it. */
  static Server qemu(Path dir) throws IOException {
    Path socket = dir.resolve("qemu.sock");
    return started(List.of(Peers.qemuSystem().toString(), "-M", "none", "-nodefaults", "-display", "none",
        "-qmp", "unix:" + socket + ",server=on,wait=off"), socket, dir.resolve("qemu.log"));
  }

  /**
   * {@code qemu-system-x86_64 -M pc -S -nodefaults -display none -qmp unix:DIR/qemu.sock}: a
   * machine with a CPU (stopped before it runs anything), for what needs one; skips without QEMU.
   */
  static Server qemuWithCpu(Path dir) throws IOException {
    Path socket = dir.resolve("qemu.sock");
    return started(List.of(Peers.qemuSystem().toString(), "-M", "pc", "-S", "-nodefaults", "-display", "none",
        "-qmp", "unix:" + socket + ",server=on,wait=off"), socket, dir.resolve("qemu.log"));
  }

  /** The guest agent listening on {@code DIR/qga.sock}; skips without it. */
  static Server qemuGa(Path dir) throws IOException {
    return new Server(Peers.startQemuGa(dir), dir.resolve("qga.sock"));
  }

  private static Server started(List<String> command, Path socket, Path log) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Peers.awaitSocket(socket, p, Duration.ofSeconds(30));
    } catch (IOException e) {
      p.destroyForcibly();
      throw e;
    }
    return new Server(p, socket);
  }
}
