package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.testsupport.Peers;
import tools.jackson.databind.JsonNode;

/**
 * The same requests to Debian's {@code qemu-system-x86_64} 7.2 and to the sample VM, started with
 * the same arguments, side by side: every reply and every event (but its timestamp) must be equal.
 * These are the command kinds' error texts, the preconfig phase, block_resize, screendump,
 * dump-guest-memory, events and the migration capabilities QEMU refuses together. Skipped where
 * QEMU is not installed ({@link Peers}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QemuSideBySideIT {
  @TempDir Path dir;

  @BeforeAll
  static void needsQemu() {
    Peers.qemuSystem();
  }

  /**
   * What an emulator answers to {@code requests}, sent one at a time: each reply, preceded by the
   * events that came before it ({@code event NAME DATA}). {@code @DIR@} stands for a directory of
   * the emulator's own, in requests and answers.
   */
  private List<String> transcript(Emulator.Kind kind, String[] args, List<String> requests, Prepare prepare)
      throws Exception {
    Path home = Files.createDirectories(dir.resolve(kind.name().toLowerCase(java.util.Locale.ROOT)));
    prepare.in(home);
    String[] expanded = Arrays.stream(args).map(a -> a.replace("@DIR@", home.toString())).toArray(String[]::new);
    List<String> out = new ArrayList<>();
    try (Emulator e = Emulator.start(kind, home, 1, expanded)) {
      QmpClient c = e.connect(0);
      for (String request : requests) {
        c.send(request.replace("@DIR@", home.toString()));
        while (true) {
          JsonNode m = c.read();
          if (m.has("event")) {
            out.add("event " + m.get("event").asString() + (m.has("data") ? " " + m.get("data") : ""));
            continue;
          }
          out.add(request + " -> " + m.toString().replace(home.toString(), "@DIR@"));
          break;
        }
      }
    }
    return out;
  }

  /** Files an emulator needs in its directory before it starts. */
  @FunctionalInterface
  private interface Prepare {
    void in(Path home) throws IOException;
  }

  private void sideBySide(String[] args, List<String> requests, Prepare prepare) throws Exception {
    List<String> qemu = transcript(Emulator.Kind.QEMU, args, requests, prepare);
    List<String> ours = transcript(Emulator.Kind.SAMPLE_VM, args, requests, prepare);
    assertEquals(String.join("\n", qemu), String.join("\n", ours));
  }

  private static final String[] NONE = {"-M", "none", "-nodefaults", "-display", "none"};
  private static final String NEGOTIATE = "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}";

  @Test
  void errorsOfEachCommandKind() throws Exception {
    sideBySide(NONE, List.of(
        "{\"exec-oob\": \"migrate-pause\"}",
        "{\"execute\": \"query-status\"}",
        NEGOTIATE,
        // The 2017 form of OOB, rejected as QEMU 7.2 rejects it.
        "{\"execute\": \"migrate-pause\", \"control\": {\"run-oob\": true}, \"id\": 1}",
        "{\"exec-oob\": \"migrate-pause\", \"control\": {\"run-oob\": true}, \"id\": 2}",
        "{\"exec-oob\": \"query-status\", \"id\": 3}",
        "{\"exec-oob\": \"x-exit-preconfig\"}",
        "{\"exec-oob\": \"screendump\", \"arguments\": {\"filename\": \"x\"}}",
        "{\"exec-oob\": \"migrate-pause\", \"id\": 4}",
        "{\"execute\": \"migrate-pause\", \"id\": 5}",
        "{\"exec-oob\": \"migrate-recover\", \"arguments\": {\"uri\": \"unix:@DIR@/m.sock\"}}",
        "{\"exec-oob\": \"migrate-recover\"}",
        "{\"exec-oob\": \"query-yank\"}",
        "{\"exec-oob\": \"yank\", \"arguments\": {\"instances\": []}}",
        "{\"exec-oob\": \"yank\", \"arguments\": {\"instances\": [{\"type\": \"migration\"}]}}",
        "{\"exec-oob\": \"yank\", \"arguments\": {\"instances\": [{\"type\": \"chardev\", \"id\": \"nope\"}]}}",
        "{\"exec-oob\": \"yank\", \"arguments\": {\"instances\": [{\"type\": \"block-node\", \"node-name\": \"x\"}]}}",
        "{\"exec-oob\": \"yank\", \"arguments\": {\"instances\": [{\"type\": \"bogus\"}]}}",
        "{\"exec-oob\": \"yank\", \"arguments\": {\"instances\": [{\"type\": \"chardev\"}]}}",
        "{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"@DIR@/x.ppm\"}}",
        "{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"@DIR@/x.ppm\", \"device\": \"foo\"}}",
        "{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"@DIR@/x.ppm\", \"head\": 1}}",
        "{\"execute\": \"screendump\"}",
        "{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"x\", \"format\": \"gif\"}}",
        "{\"execute\": \"block_resize\", \"arguments\": {\"node-name\": \"n\", \"size\": 1}}",
        "{\"execute\": \"block_resize\", \"arguments\": {\"device\": \"d\", \"size\": -1}}",
        "{\"execute\": \"block_resize\", \"arguments\": {\"size\": 1}}",
        "{\"execute\": \"block_resize\", \"arguments\": {\"node-name\": \"n\"}}",
        "{\"execute\": \"x-exit-preconfig\"}",
        "{\"execute\": \"dump-guest-memory\", \"arguments\": {\"paging\": false, \"protocol\": \"file:@DIR@/d\", \"begin\": 0}}",
        "{\"execute\": \"dump-guest-memory\", \"arguments\": {\"paging\": false, \"protocol\": \"file:@DIR@/d\", \"length\": 0}}",
        "{\"execute\": \"dump-guest-memory\", \"arguments\": {\"paging\": false, \"protocol\": \"fd:foo\"}}",
        "{\"execute\": \"dump-guest-memory\", \"arguments\": {\"paging\": true, \"protocol\": \"file:x\", \"format\": \"kdump-zlib\"}}",
        "{\"execute\": \"dump-guest-memory\", \"arguments\": {\"paging\": false, \"protocol\": \"bogus\"}}",
        "{\"execute\": \"dump-guest-memory\", \"arguments\": {\"protocol\": \"bogus\"}}",
        "{\"execute\": \"dump-guest-memory\", \"arguments\": {\"paging\": 1, \"protocol\": \"bogus\"}}",
        "{\"execute\": \"query-dump\"}"), home -> {});
  }

  /** QEMU's qmp-test "preconfig", and what the phase lets through, out of band too. */
  @Test
  void preconfigPhase() throws Exception {
    String[] args = {"-M", "none", "-nodefaults", "-display", "none", "--preconfig"};
    sideBySide(args, List.of(
        NEGOTIATE,
        "{\"execute\": \"query-status\"}",
        "{\"execute\": \"stop\"}",
        "{\"execute\": \"cont\", \"id\": \"c\"}",
        "{\"exec-oob\": \"migrate-pause\"}",
        "{\"exec-oob\": \"query-yank\"}",
        "{\"exec-oob\": \"query-status\"}",
        "{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"x\"}}",
        "{\"execute\": \"query-dump\"}",
        "{\"execute\": \"block_resize\", \"arguments\": {\"node-name\": \"n\", \"size\": 1}}",
        "{\"execute\": \"x-exit-preconfig\", \"arguments\": {\"x\": 1}}",
        "{\"execute\": \"x-exit-preconfig\"}",
        "{\"execute\": \"query-status\"}",
        "{\"execute\": \"x-exit-preconfig\"}",
        "{\"exec-oob\": \"migrate-pause\"}"), home -> {});
  }

  @Test
  void blockResizeOfAFileAndANullNode() throws Exception {
    String[] args = {"-M", "none", "-nodefaults", "-display", "none",
        "-blockdev", "driver=file,filename=@DIR@/disk.img,node-name=disk0",
        "-blockdev", "driver=null-co,node-name=nul"};
    sideBySide(args, List.of(
        NEGOTIATE,
        "{\"execute\": \"block_resize\", \"arguments\": {\"node-name\": \"disk0\", \"size\": 1000}}",
        "{\"execute\": \"block_resize\", \"arguments\": {\"node-name\": \"disk0\", \"size\": -1}}",
        "{\"execute\": \"block_resize\", \"arguments\": {\"node-name\": \"nope\", \"size\": -1}}",
        "{\"execute\": \"block_resize\", \"arguments\": {\"node-name\": \"nul\", \"size\": 4096}}",
        "{\"execute\": \"block_resize\", \"arguments\": {\"device\": \"disk0\", \"size\": 4096}}",
        "{\"execute\": \"block_resize\", \"arguments\": {\"device\": \"x\", \"node-name\": \"disk0\", \"size\": 2097152}}"),
        home -> Files.write(home.resolve("disk.img"), new byte[1 << 20]));
    assertEquals(Files.size(dir.resolve("qemu/disk.img")), Files.size(dir.resolve("sample_vm/disk.img")));
    assertEquals(2097152, Files.size(dir.resolve("sample_vm/disk.img")));
  }

  /** A PC with a VGA display, its CPUs stopped ({@code -S}): QEMU draws a blank 640×480 screen. */
  @Test
  void screendumpAndDumpGuestMemory() throws Exception {
    String[] args = {"-M", "pc", "-m", "128", "-vga", "std", "-display", "none", "-S"};
    sideBySide(args, List.of(
        NEGOTIATE,
        "{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"@DIR@/screen.ppm\"}}",
        "{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"@DIR@/screen.png\", \"format\": \"png\"}}",
        "{\"execute\": \"screendump\", \"arguments\": {\"filename\": \"@DIR@/no/such/dir.ppm\"}}",
        "{\"execute\": \"dump-guest-memory\", \"arguments\": {\"paging\": false, \"protocol\": \"file:@DIR@/d.elf\","
            + " \"begin\": 0, \"length\": 4096}}",
        "{\"execute\": \"query-dump\"}",
        "{\"execute\": \"dump-guest-memory\", \"arguments\": {\"paging\": false, \"protocol\": \"file:@DIR@/d.elf\","
            + " \"begin\": 1099511627776, \"length\": 4096}}",
        "{\"execute\": \"dump-guest-memory\", \"arguments\": {\"paging\": false, \"protocol\": \"file:@DIR@/no/d.elf\"}}",
        "{\"execute\": \"query-status\"}"), home -> {});
    byte[] qemu = Files.readAllBytes(dir.resolve("qemu/screen.ppm"));
    byte[] ours = Files.readAllBytes(dir.resolve("sample_vm/screen.ppm"));
    assertEquals(qemu.length, ours.length);
    assertArrayEquals(Arrays.copyOf(qemu, 15), Arrays.copyOf(ours, 15)); // "P6\n640 480\n255\n"
  }

  /**
   * Events byte for byte: every line each emulator sends, with only the timestamp's numbers masked
   * (checked apart: wall-clock seconds of today, microseconds below a million). Member order,
   * spacing and the absent {@code data} of events without data are QEMU's. Also the migration
   * capabilities, whose {@code events} turns on the {@code MIGRATION} events.
   */
  @Test
  void eventsLookAsQemusByteForByte() throws Exception {
    List<String> requests = List.of(
        NEGOTIATE,
        "{\"execute\": \"stop\"}",
        "{\"execute\": \"stop\"}",
        "{\"execute\": \"cont\"}",
        "{\"execute\": \"system_reset\"}",
        "{\"execute\": \"query-migrate-capabilities\"}",
        "{\"execute\": \"migrate-set-capabilities\", \"arguments\": {\"capabilities\": "
            + "[{\"capability\": \"events\", \"state\": true}, {\"capability\": \"x-colo\", \"state\": false}]}}",
        "{\"execute\": \"migrate-set-capabilities\", \"arguments\": {\"capabilities\": [{\"capability\": \"bogus\"}]}}",
        "{\"execute\": \"query-migrate-capabilities\"}",
        "{\"execute\": \"quit\"}");
    List<String> qemu = rawTranscript(Emulator.Kind.QEMU, NONE, requests);
    List<String> ours = rawTranscript(Emulator.Kind.SAMPLE_VM, NONE, requests);
    assertEquals(String.join("\n", qemu), String.join("\n", ours));
    assertEquals(14, ours.size(), String.join("\n", ours));
    assertEquals("{\"timestamp\": {\"seconds\": S, \"microseconds\": U}, \"event\": \"STOP\"}", ours.get(1));
    assertEquals("{\"timestamp\": {\"seconds\": S, \"microseconds\": U}, \"event\": \"RESET\", "
        + "\"data\": {\"guest\": false, \"reason\": \"host-qmp-system-reset\"}}", ours.get(6));
  }

  /**
   * {@code migrate-set-capabilities} refuses the combinations QEMU 7.2 refuses, with its words and
   * in its order of checks: every capability alone, every pair, and every triple with one of the
   * three whose checks involve several others, each set from none. (All triples and quadruples were
   * compared once by hand, equal too; they take a minute.)
   */
  @Test
  void migrationCapabilitiesRefusedAsQemuRefusesThem() throws Exception {
    List<String> names = Arrays.stream(org.qapi4j.samplevm.schema.MigrationCapability.values())
        .map(c -> c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .toList();
    String none = capabilities(names, false);
    List<String> requests = new ArrayList<>();
    requests.add(NEGOTIATE);
    for (int i = 0; i < names.size(); i++) {
      requests.add(none);
      requests.add(capabilities(List.of(names.get(i)), true));
      for (int j = i + 1; j < names.size(); j++) {
        requests.add(none);
        requests.add(capabilities(List.of(names.get(i), names.get(j)), true));
        for (int k = j + 1; k < names.size(); k++) {
          List<String> three = List.of(names.get(i), names.get(j), names.get(k));
          if (three.stream().anyMatch(List.of("background-snapshot", "zero-copy-send", "postcopy-preempt")::contains)) {
            requests.add(none);
            requests.add(capabilities(three, true));
          }
        }
      }
    }
    sideBySide(NONE, requests, home -> {});
  }

  private static String capabilities(List<String> names, boolean state) {
    StringBuilder b = new StringBuilder("{\"execute\": \"migrate-set-capabilities\", \"arguments\": {\"capabilities\": [");
    for (int i = 0; i < names.size(); i++) {
      b.append(i == 0 ? "" : ", ").append("{\"capability\": \"").append(names.get(i)).append("\", \"state\": ")
          .append(state).append('}');
    }
    return b.append("]}}").toString();
  }

  private static final java.util.regex.Pattern TIMESTAMP =
      java.util.regex.Pattern.compile("\\{\"timestamp\": \\{\"seconds\": (\\d+), \"microseconds\": (\\d+)}, ");

  /** Every line an emulator sends for {@code requests}, as sent, up to each reply (the end of the stream after quit). */
  private List<String> rawTranscript(Emulator.Kind kind, String[] args, List<String> requests) throws Exception {
    Path home = Files.createDirectories(dir.resolve(kind.name().toLowerCase(java.util.Locale.ROOT)));
    List<String> out = new ArrayList<>();
    long started = System.currentTimeMillis() / 1000;
    try (Emulator e = Emulator.start(kind, home, 1, args)) {
      QmpClient c = e.connect(0);
      for (String request : requests) {
        c.send(request);
        String line;
        while ((line = c.readLine()) != null) {
          java.util.regex.Matcher m = TIMESTAMP.matcher(line);
          if (m.lookingAt()) {
            long seconds = Long.parseLong(m.group(1));
            long micros = Long.parseLong(m.group(2));
            org.junit.jupiter.api.Assertions.assertTrue(seconds >= started - 1 && seconds <= started + 120, line);
            org.junit.jupiter.api.Assertions.assertTrue(micros < 1_000_000, line);
            out.add("{\"timestamp\": {\"seconds\": S, \"microseconds\": U}, " + line.substring(m.end()));
            continue;
          }
          out.add(line);
          if (line.startsWith("{\"return\"") || line.startsWith("{\"error\"")) {
            break;
          }
        }
      }
    }
    return out;
  }
}
