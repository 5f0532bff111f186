package org.qapi4j.testschemas.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.CompatPolicy;
import org.qapi4j.runtime.QmpEndpoint;
import org.qapi4j.runtime.server.QmpServer;

/**
 * {@code -compat deprecated-input=crash}: QEMU aborts on the first deprecated input, and so does a
 * qapi4j server (exit status 134, what a shell shows for SIGABRT). Run in a process of its own.
 */
class CompatCrashTest {
  @TempDir Path dir;

  /** The server of the test: {@code CompatCrashTest SOCKET POLICY}; prints {@code ready} once it listens. */
  public static void main(String[] args) throws InterruptedException {
    QmpServer server = QmpServer.builder()
        .commands(new KitchenSink_Dispatch(new KitchenSinkImpl()))
        .compat(CompatPolicy.parse(args[1]))
        .endpoint(QmpEndpoint.unix(Path.of(args[0])))
        .build();
    server.start();
    System.out.println("ready");
    System.out.flush();
    server.awaitTermination();
  }

  private Process start(Path socket, String policy) throws Exception {
    Process p = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            CompatCrashTest.class.getName(), socket.toString(), policy)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", out.readLine());
    return p;
  }

  @Test
  void deprecatedInputCrashes() throws Exception {
    Path socket = dir.resolve("crash.sock");
    Process p = start(socket, "deprecated-input=crash");
    try (LineClient qmp = LineClient.negotiated(socket)) {
      assertEquals("{\"return\": {}}", qmp.call("{\"execute\": \"test-command-features3\"}")); // unstable: accepted
      assertNull(qmp.call("{\"execute\": \"test-compat\", \"arguments\": {\"arg\": {\"plain\": 1, \"old\": 2}}}"));
    } finally {
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      p.destroyForcibly();
    }
    assertEquals(134, p.exitValue());
  }
}
