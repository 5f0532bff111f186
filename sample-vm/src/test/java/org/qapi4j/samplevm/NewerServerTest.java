package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.client.QmpClient;
import org.qapi4j.runtime.client.QmpDecodeException;
import org.qapi4j.samplevm.schema.MigrationCapability;
import org.qapi4j.samplevm.schema.MigrationCapabilityStatus;
import org.qapi4j.samplevm.schema.MigrationCommands;
import org.qapi4j.samplevm.schema.RunState;
import org.qapi4j.samplevm.schema.RunStateCommands;
import org.qapi4j.samplevm.schema.RunStateEvents;
import org.qapi4j.samplevm.schema.RunStateEvents_Listener;
import org.qapi4j.samplevm.schema.ShutdownCause;
import org.qapi4j.samplevm.schema.StatusInfo;

/**
 * The typed client against a server of a newer QEMU than its schema (a scripted fake): members,
 * enum values and events the schema lacks are let through; a reply that truly does not fit fails
 * that call alone, with the JSON path and the raw text.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NewerServerTest {
  private static final Pattern ID = Pattern.compile("\"id\": (\\d+)");

  @TempDir Path dir;

  private ServerSocketChannel listener;
  private QmpClient qmp;

  /**
   * A server that greets, accepts {@code qmp_capabilities}, and answers every other request with
   * {@code answer} (given the command's name; its reply gets the request's id), which may be
   * preceded by events.
   */
  private QmpClient serve(Function<String, List<String>> answer) throws IOException {
    Path socket = dir.resolve("newer.sock");
    listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
    Thread server = new Thread(() -> {
      try (SocketChannel c = listener.accept()) {
        OutputStream out = Channels.newOutputStream(c);
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.UTF_8));
        send(out, "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 0, \"major\": 10}, \"package\": \"\"},"
            + " \"capabilities\": [\"oob\"]}}");
        String line;
        while ((line = in.readLine()) != null) {
          Matcher id = ID.matcher(line);
          String tail = id.find() ? ", \"id\": " + id.group(1) + "}" : "}";
          if (line.contains("qmp_capabilities")) {
            send(out, "{\"return\": {}" + tail);
            continue;
          }
          Matcher command = Pattern.compile("\"execute\": \"([^\"]+)\"").matcher(line);
          command.find();
          List<String> messages = answer.apply(command.group(1));
          for (int i = 0; i < messages.size(); i++) {
            String m = messages.get(i);
            send(out, i == messages.size() - 1 ? m.substring(0, m.length() - 1) + tail : m);
          }
        }
      } catch (IOException e) {
        // the client went away
      }
    }, "newer-server");
    server.setDaemon(true);
    server.start();
    qmp = QmpClient.connect(UnixDomainSocketAddress.of(socket), Duration.ofSeconds(10));
    return qmp;
  }

  private static void send(OutputStream out, String message) throws IOException {
    out.write((message + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @AfterEach
  void close() throws IOException {
    if (qmp != null) {
      qmp.close();
    }
    if (listener != null) {
      listener.close();
    }
  }

  @Test
  void newMembersAndEnumValuesAreLetThrough() throws Exception {
    serve(command -> switch (command) {
      case "query-status" -> List.of("{\"return\": {\"status\": \"colo-reconnecting\", \"singlestep\": false,"
          + " \"running\": true, \"since\": {\"seconds\": [1, 2]}}}");
      default -> List.of("{\"return\": [{\"state\": true, \"capability\": \"events\"},"
          + " {\"state\": false, \"capability\": \"mapped-ram\", \"new\": 1}]}");
    });
    // The run state the schema lacks reads as null; the new member is skipped.
    assertEquals(new StatusInfo(true, false, null), qmp.commands(RunStateCommands.class).queryStatus());
    assertEquals(List.of(new MigrationCapabilityStatus(MigrationCapability.EVENTS, true),
            new MigrationCapabilityStatus(null, false)),
        qmp.commands(MigrationCommands.class).queryMigrateCapabilities());
  }

  @Test
  void newEventsReachUntypedListenersOnlyAndKnownOnesKeepWorking() throws Exception {
    serve(command -> List.of(
        "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 2}, \"event\": \"NEW_THING\", \"data\": {\"x\": 1}}",
        "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 3}, \"event\": \"SHUTDOWN\","
            + " \"data\": {\"guest\": true, \"reason\": \"guest-shutdown\", \"new\": [true]}}",
        "{\"timestamp\": {\"seconds\": 1, \"microseconds\": 4}, \"event\": \"SHUTDOWN\","
            + " \"data\": {\"guest\": false, \"reason\": \"host-new-reason\"}}",
        "{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true}}"));
    BlockingQueue<String> typed = new LinkedBlockingQueue<>();
    BlockingQueue<String> untyped = new LinkedBlockingQueue<>();
    qmp.listen(RunStateEvents.class, new RunStateEvents_Listener() {
      @Override
      public void shutdown(boolean guest, ShutdownCause reason) {
        typed.add("SHUTDOWN " + guest + " " + reason);
      }
    });
    qmp.subscribe(e -> untyped.add(e.name()));
    assertEquals(RunState.RUNNING, qmp.commands(RunStateCommands.class).queryStatus().status());
    assertEquals(List.of("NEW_THING", "SHUTDOWN", "SHUTDOWN"),
        List.of(untyped.poll(10, TimeUnit.SECONDS), untyped.poll(10, TimeUnit.SECONDS), untyped.poll(10, TimeUnit.SECONDS)));
    assertEquals("SHUTDOWN true GUEST_SHUTDOWN", typed.poll(10, TimeUnit.SECONDS));
    assertEquals("SHUTDOWN false null", typed.poll(10, TimeUnit.SECONDS));
  }

  @Test
  void aReplyThatDoesNotFitFailsThatCallAlone() throws Exception {
    String wrong = "{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": \"yes\"}}";
    String right = "{\"return\": {\"status\": \"paused\", \"singlestep\": false, \"running\": false}}";
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    serve(command -> List.of(calls.getAndIncrement() == 0 ? wrong : right));
    RunStateCommands commands = qmp.commands(RunStateCommands.class);
    QmpDecodeException e = assertThrows(QmpDecodeException.class, commands::queryStatus);
    assertEquals("/return/running", e.path());
    assertTrue(e.rawText().startsWith(wrong.substring(0, wrong.length() - 1) + ", \"id\": "), e.rawText());
    assertEquals("cannot read the reply to query-status: Invalid parameter type for 'return.running',"
        + " expected: boolean at /return/running", e.getMessage());
    assertEquals(new StatusInfo(false, false, RunState.PAUSED), commands.queryStatus());
  }
}
