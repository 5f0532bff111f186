package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.testsupport.Peers;

/** The complete example of docs/client.md, run as its Javadoc says, against QEMU and the sample VM. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientExampleIT {
  @TempDir Path dir;

  private List<String> run(Emulator.Kind kind) throws Exception {
    try (Emulator e = Emulator.start(kind, dir, 1, "-M", "none", "-nodefaults", "-display", "none")) {
      e.connect(0).close(); // it listens
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("sample-vm.jar", "target/sample-vm.jar"),
          "org.qapi4j.samplevm.example.ClientExample", Emulator.socket(dir, 0).toString())
          .redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.waitFor(), output);
      return output.lines().toList();
    }
  }

  @Test
  void againstQemu() throws Exception {
    Peers.qemuSystem();
    List<String> lines = run(Emulator.Kind.QEMU);
    assertEquals(List.of("status: RUNNING", "event: STOP", "status: PAUSED", "event: RESUME",
        "device_del: DeviceNotFound: Device 'nic0' not found"), lines.subList(1, lines.size()));
    assertEquals(true, lines.get(0).matches("connected to 7\\.2\\.\\d+, out-of-band enabled"), lines.get(0));
  }

  @Test
  void againstTheSampleVm() throws Exception {
    assertEquals(List.of("connected to 7.2.0, out-of-band enabled", "status: RUNNING", "event: STOP",
        "status: PAUSED", "event: RESUME", "device_del: CommandNotFound: The command device_del has not been found"),
        run(Emulator.Kind.SAMPLE_VM));
  }
}
