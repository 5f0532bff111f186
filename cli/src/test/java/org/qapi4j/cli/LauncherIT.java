package org.qapi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code qapi4j} command the build leaves in {@code cli/target/bin}: the README's commands run
 * through it, with the class-data archive made at build time mapped.
 */
class LauncherIT {
  private static final Path TARGET =
      Path.of(System.getProperty("qapi4j.jar", "target/qapi4j.jar")).toAbsolutePath().getParent();

  @TempDir Path dir;

  private record Run(int status, String out) {}

  /** Runs the launcher through a link in another directory, as from a directory on PATH. */
  private Run qapi4j(String... args) throws Exception {
    Path launcher = TARGET.resolve("bin/qapi4j");
    assertTrue(Files.isExecutable(launcher), launcher + " is executable");
    Path link = dir.resolve("qapi4j");
    Files.createSymbolicLink(link, launcher);
    List<String> command = new ArrayList<>();
    command.add(link.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
    // Under -Xshare:on a JVM that cannot map the archive refuses to start; the launcher itself
    // would start without it, silently.
    pb.environment().put("QAPI4J_JAVA_OPTS", "-Xshare:on");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "qapi4j exits");
    Files.delete(link); // JUnit warns of links out of its temporary directories
    return new Run(p.exitValue(), out);
  }

  @Test
  void checksASchemaWithTheArchiveMapped() throws Exception {
    assertTrue(Files.size(TARGET.resolve("qapi4j.jsa")) > 500_000, "the archive holds a run's classes");
    Files.writeString(dir.resolve("ok.json"), "{ 'command': 'ping' }\n");
    Run ok = qapi4j("check", "ok.json");
    assertEquals(new Run(0, ""), ok);

    Files.writeString(dir.resolve("bad.json"), "{ 'command': 'ping', 'data': 'Nope' }\n");
    Run bad = qapi4j("check", "bad.json");
    assertEquals(new Run(1, "bad.json: In command 'ping':\nbad.json:1: command's 'data' uses unknown type 'Nope'\n"), bad);
  }
}
