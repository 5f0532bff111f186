package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample VM's other ways of being started: -qmp stdio, and several -qmp at once. */
class EndpointsIT {
  @TempDir Path dir;
  private Process vm;

  @AfterEach
  void stop() throws InterruptedException {
    if (vm != null && vm.isAlive()) {
      vm.destroyForcibly().waitFor();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String jar() {
    return System.getProperty("sample-vm.jar", "target/sample-vm.jar");
  }

  @Test
  void stdio() throws Exception {
    vm = new ProcessBuilder(java(), "-jar", jar(), "-qmp", "stdio").redirectError(dir.resolve("err").toFile()).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(vm.getInputStream(), StandardCharsets.UTF_8));
    OutputStream in = vm.getOutputStream();
    assertTrue(out.readLine().startsWith("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}"));
    in.write("{\"execute\": \"qmp_capabilities\"}\n{\"execute\": \"query-status\"}\n".getBytes(StandardCharsets.UTF_8));
    in.flush();
    assertEquals("{\"return\": {}}", out.readLine());
    assertEquals("{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true}}", out.readLine());
    in.write("{\"execute\": \"quit\"}\n".getBytes(StandardCharsets.UTF_8));
    in.flush();
    assertTrue(out.readLine().contains("\"event\": \"SHUTDOWN\""));
    assertEquals("{\"return\": {}}", out.readLine());
    assertTrue(vm.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, vm.exitValue());
  }

  @Test
  void severalMonitorsShareTheMachineAndItsEvents() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path socket = dir.resolve("vm.sock");
    vm = new ProcessBuilder(java(), "-jar", jar(),
            "-qmp", "unix:" + socket + ",server=on,wait=off",
            "-qmp", "tcp:127.0.0.1:" + port + ",server=on,wait=off")
        .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    try (QmpClient unix = QmpClient.connect(socket, Duration.ofSeconds(30));
        QmpClient tcp = QmpClient.connectTcp(port, Duration.ofSeconds(30))) {
      unix.read();
      tcp.read();
      assertEquals("{\"return\":{}}", unix.call("{\"execute\": \"qmp_capabilities\"}").toString());
      assertEquals("{\"return\":{}}", tcp.call("{\"execute\": \"qmp_capabilities\"}").toString());
      assertEquals("STOP", unix.call("{\"execute\": \"stop\"}").get("event").asString());
      assertEquals("{\"return\":{}}", unix.read().toString());
      assertEquals("STOP", tcp.read().get("event").asString()); // the other monitor sees it too
      assertEquals("paused", tcp.call("{\"execute\": \"query-status\"}").at("/return/status").asString());
    }
  }
}
