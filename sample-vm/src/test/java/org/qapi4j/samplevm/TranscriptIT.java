package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Replays {@code ../shared/qemu-7.2/qmp-transcript.jsonl}, a recording of Debian's QEMU 7.2, against
 * the sample VM: every exchange that involves only what the sample VM implements must give the
 * same bytes, the timestamps of events and the version in the greeting aside.
 */
class TranscriptIT {
  /** Exchanges with commands the sample VM does not implement (yet), or a shortened reply. */
  private static final List<String> SKIPPED = List.of("migrate-pause", "query-commands");

  @TempDir Path dir;

  private Process vm;

  @AfterEach
  void stop() throws Exception {
    if (vm != null) {
      vm.destroyForcibly().waitFor();
    }
  }

  @Test
  void sameRepliesAsQemu() throws Exception {
    Path transcript =
        Path.of(System.getProperty("qapi4j.root", ".."), "..", "shared", "qemu-7.2", "qmp-transcript.jsonl");
    Path socket = dir.resolve("vm.sock");
    vm = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar", System.getProperty("sample-vm.jar", "target/sample-vm.jar"),
            "-qmp", "unix:" + socket + ",server=on,wait=off")
        .redirectErrorStream(true).redirectOutput(dir.resolve("vm.log").toFile()).start();
    int compared = 0;
    try (QmpClient qmp = QmpClient.connect(socket, Duration.ofSeconds(30))) {
      for (String line : Files.readAllLines(transcript)) {
        JsonNode exchange = QmpClient.JSON.readTree(line);
        String note = exchange.get("note").asString();
        if (!exchange.has("request")) {
          // The greeting: same shape and capabilities; the version is the sample VM's own.
          JsonNode greeting = QmpClient.JSON.readTree(qmp.readLine());
          JsonNode expected = exchange.get("reply").get(0);
          assertEquals(fieldNames(expected), fieldNames(greeting), note);
          assertEquals(expected.at("/QMP/capabilities"), greeting.at("/QMP/capabilities"), note);
          continue;
        }
        String request = exchange.get("request").asString();
        if (SKIPPED.stream().anyMatch(request::contains)) {
          continue;
        }
        qmp.send(request);
        for (JsonNode reply : exchange.get("reply")) {
          String actual = qmp.readLine();
          assertEquals(qemuBytes(reply), withoutTimestamp(actual), note + ": " + request);
        }
        compared++;
      }
    }
    assertEquals(21, compared, "exchanges compared");
  }

  /** Every field name of a tree, depth first, in order: the shape of a message. */
  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      names.add(e.getKey());
      names.addAll(fieldNames(e.getValue()));
    }
    return names;
  }

  private static String withoutTimestamp(String line) {
    return line.replaceAll("\"seconds\": \\d+, \"microseconds\": \\d+", "\"seconds\": S, \"microseconds\": U");
  }

  /** A message as QEMU prints it: members in the recorded order, {@code ": "} and {@code ", "}. */
  private static String qemuBytes(JsonNode node) {
    return withoutTimestamp(print(node));
  }

  private static String print(JsonNode node) {
    if (node.isObject()) {
      List<String> members = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        members.add(QmpClient.JSON.writeValueAsString(e.getKey()) + ": " + print(e.getValue()));
      }
      return "{" + String.join(", ", members) + "}";
    }
    if (node.isArray()) {
      List<String> elements = new ArrayList<>();
      node.forEach(e -> elements.add(print(e)));
      return "[" + String.join(", ", elements) + "]";
    }
    return QmpClient.JSON.writeValueAsString(node);
  }
}
