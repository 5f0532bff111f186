package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.testsupport.Peers;
import tools.jackson.databind.JsonNode;

/**
 * The protocol's exchanges, each as the client sends them, to the installed
 * {@code qemu-system-x86_64 -M none} and to the sample VM, one connection each: every reply must be
 * the same bytes, member order and spacing included (QEMU's hash-table order), the timestamps of
 * events aside; the greetings must have the same members and capabilities.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TranscriptIT {
  /** What the exchange shows, and the request, as sent. */
  private static final List<Map.Entry<String, String>> EXCHANGES = List.of(
      Map.entry("any command before negotiation", "{\"execute\":\"query-status\"}"),
      Map.entry("negotiation with an unknown argument", "{\"execute\":\"qmp_capabilities\",\"arguments\":{\"foo\":1}}"),
      Map.entry("negotiation enabling oob", "{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"oob\"]},\"id\":\"n\"}"),
      Map.entry("negotiation repeated", "{\"execute\":\"qmp_capabilities\"}"),
      Map.entry("unknown command", "{\"execute\":\"no-such-command\"}"),
      Map.entry("unknown top-level member", "{\"foo\":1}"),
      Map.entry("input that is not an object", "[1,2]"),
      Map.entry("execute that is not a string", "{\"execute\":42}"),
      Map.entry("no execute member", "{\"arguments\":{}}"),
      Map.entry("arguments that are not an object", "{\"execute\":\"query-status\",\"arguments\":[]}"),
      Map.entry("unexpected argument", "{\"execute\":\"query-status\",\"arguments\":{\"bogus\":1}}"),
      Map.entry("missing required argument", "{\"execute\":\"balloon\"}"),
      Map.entry("argument of the wrong JSON type", "{\"execute\":\"balloon\",\"arguments\":{\"value\":\"x\"}}"),
      Map.entry("id is echoed", "{\"execute\":\"query-status\",\"id\":\"abc\"}"),
      Map.entry("id is echoed on errors too", "{\"execute\":\"no-such-command\",\"id\":7}"),
      Map.entry("exec-oob of a command without allow-oob", "{\"exec-oob\":\"query-status\",\"id\":2}"),
      Map.entry("the 2017 RFC form of OOB is not accepted by QEMU 7.2", "{\"execute\":\"query-status\",\"control\":{\"run-oob\":true}}"),
      Map.entry("malformed JSON", "{\"execute\":}"),
      Map.entry("the connection survives malformed JSON", "{\"execute\":\"query-status\",\"id\":\"alive\"}"),
      Map.entry("cont of a running machine", "{\"execute\":\"cont\"}"),
      Map.entry("stop: STOP event, then the return", "{\"execute\":\"stop\"}"),
      Map.entry("query-status of a stopped machine", "{\"execute\":\"query-status\"}"),
      Map.entry("cont: RESUME event, then the return", "{\"execute\":\"cont\"}"));

  @TempDir Path dir;

  /** The greeting's members and capabilities, then each exchange: its note, request and every line answered. */
  private List<String> transcript(Emulator.Kind kind) throws Exception {
    Path home = Files.createDirectories(dir.resolve(kind.name()));
    List<String> out = new ArrayList<>();
    try (Emulator e = Emulator.start(kind, home, 1, "-M", "none", "-nodefaults", "-display", "none")) {
      QmpClient c = QmpClient.connect(Emulator.socket(home, 0), java.time.Duration.ofSeconds(30));
      try (c) {
        JsonNode greeting = QmpClient.JSON.readTree(c.readLine());
        out.add("greeting " + fieldNames(greeting) + " " + greeting.at("/QMP/capabilities"));
        for (Map.Entry<String, String> exchange : EXCHANGES) {
          out.add(exchange.getKey() + ": " + exchange.getValue());
          c.send(exchange.getValue());
          String line;
          do {
            line = c.readLine();
            out.add("  " + line.replaceAll("\"seconds\": \\d+, \"microseconds\": \\d+", "\"seconds\": S, \"microseconds\": U"));
          } while (line.startsWith("{\"timestamp\""));
        }
      }
    }
    return out;
  }

  @Test
  void sameBytesAsQemu() throws Exception {
    Peers.qemuSystem();
    String qemu = String.join("\n", transcript(Emulator.Kind.QEMU));
    assertEquals(qemu, String.join("\n", transcript(Emulator.Kind.SAMPLE_VM)));
    assertEquals(1 + 2 * EXCHANGES.size() + 2, qemu.lines().count(), qemu); // two events: STOP, RESUME
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
}
