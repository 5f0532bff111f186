package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher the build leaves in {@code target/bin/sample-vm}: it starts the VM with the class-data
 * archive made at build time, and that archive is one this JVM can map.
 */
class LauncherIT {
  private static final Path TARGET =
      Path.of(System.getProperty("sample-vm.jar", "target/sample-vm.jar")).toAbsolutePath().getParent();

  @TempDir Path dir;

  /**
   * A session through the launcher with {@code -Xshare:on}, under which a JVM that cannot map the
   * archive refuses to start (without it, it would start without the archive, silently): the
   * archive is this JDK's and this jar's, and the VM answers as {@code java -jar} does.
   */
  @Test
  void startsWithTheArchiveMapped() throws Exception {
    Path launcher = TARGET.resolve("bin/sample-vm");
    assertTrue(Files.isExecutable(launcher), launcher + " is executable");
    assertTrue(Files.size(TARGET.resolve("sample-vm.jsa")) > 1_000_000, "the archive holds the session's classes");

    // Through a link, as when the launcher is linked from a directory on PATH.
    Path link = Files.createSymbolicLink(dir.resolve("sample-vm"), launcher);
    ProcessBuilder pb = new ProcessBuilder(link.toString(), "-qmp", "stdio").redirectErrorStream(true);
    pb.environment().put("SAMPLE_VM_JAVA_OPTS", "-Xshare:on");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process vm = pb.start();
    vm.getOutputStream().write((
        "{\"execute\": \"qmp_capabilities\"}\n"
        + "{\"execute\": \"query-status\"}\n"
        + "{\"execute\": \"quit\"}\n").getBytes(StandardCharsets.UTF_8));
    vm.getOutputStream().flush();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    vm.getInputStream().transferTo(out);
    assertTrue(vm.waitFor(60, TimeUnit.SECONDS), "the VM quits");
    Files.delete(link); // JUnit warns of links out of its temporary directories
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, vm.exitValue(), String.join("\n", lines));
    assertEquals(5, lines.size(), String.join("\n", lines));
    assertEquals("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, \"package\": \""
        + Options.PACKAGE + "\"}, \"capabilities\": [\"oob\"]}}", lines.get(0));
    assertEquals("{\"return\": {}}", lines.get(1));
    assertEquals("{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true}}", lines.get(2));
    assertTrue(lines.get(3).endsWith("\"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, \"reason\": \"host-qmp-quit\"}}"),
        lines.get(3));
    assertEquals("{\"return\": {}}", lines.get(4));
  }
}
