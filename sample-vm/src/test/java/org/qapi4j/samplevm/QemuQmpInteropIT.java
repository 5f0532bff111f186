package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.testsupport.Peers;

/**
 * QEMU's own Python client, {@code qemu.qmp} from QEMU 7.2's source, drives the sample VM
 * ({@code src/test/python/qemu_qmp_interop.py}): negotiation with OOB, {@code exec-oob} while the
 * main loop is blocked, hundreds of requests in flight, events through its listeners, its legacy
 * synchronous wrapper. It is imported from {@code python/} of QEMU's sources, which
 * {@code .ci/peers} fetches ({@link Peers}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QemuQmpInteropIT {
  @TempDir Path dir;

  private static String pythonPath() {
    return Peers.qemuSource("python").toString();
  }

  private static ProcessBuilder python(String... args) {
    ProcessBuilder b = new ProcessBuilder(args).redirectErrorStream(true);
    b.environment().put("PYTHONPATH", pythonPath());
    return b;
  }

  private static boolean qemuQmpAvailable() {
    try {
      Process p = python("python3", "-c", "import qemu.qmp").start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void qemusPythonClientDrivesTheSampleVm() throws Exception {
    Peers.require(qemuQmpAvailable(), "python3 cannot import qemu.qmp from " + pythonPath());
    Path script = Path.of("src", "test", "python", "qemu_qmp_interop.py").toAbsolutePath();
    try (Emulator vm = Emulator.start(Emulator.Kind.SAMPLE_VM, dir, 1, "-test-commands")) {
      vm.connect(0).close(); // the VM listens
      Process p = python("python3", script.toString(), Emulator.socket(dir, 0).toString()).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
      List<String> lines = output.strip().lines().toList();
      assertEquals("19 passed, 0 failed", lines.get(lines.size() - 1), output);
      assertEquals(0, p.exitValue(), output);
      Files.writeString(dir.resolve("interop.log"), output);
    }
  }
}
