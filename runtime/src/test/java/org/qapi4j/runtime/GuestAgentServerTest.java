package org.qapi4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.marshal.Input;
import org.qapi4j.runtime.server.QmpServer;
import org.qapi4j.testsupport.Peers;

/**
 * The server in the guest agent's dialect ({@link QmpServer.Builder#guestAgent}), byte for byte
 * against {@code qemu-ga} 7.2: {@link #sideBySideWithQemuGa} sends the same inputs to the real
 * agent and to the server and compares every byte they answer; {@link #recordedReplies} checks the
 * server alone against what {@code qemu-ga} 7.2.22 (Debian) answered, recorded with that test, so
 * that it runs without the agent too.
 */
@Timeout(60)
class GuestAgentServerTest {
  /** Every reply of qemu-ga ends in LF alone. */
  private static String error(String cls, String desc) {
    return "{\"error\": {\"class\": \"" + cls + "\", \"desc\": \"" + desc + "\"}}\n";
  }

  private static String error(String id, String cls, String desc) {
    return "{\"id\": " + id + ", \"error\": {\"class\": \"" + cls + "\", \"desc\": \"" + desc + "\"}}\n";
  }

  private static final String STRAY_FF = error("GenericError", "JSON parse error, stray '\\uFFFD'");

  /**
   * Inputs (ISO-8859-1: one char, one byte) and what qemu-ga 7.2 answers to each, in that order on
   * one connection. Each leaves the parser at rest, so that the next one starts afresh.
   */
  static final String[][] CASES = {
    // 0xFF alone: a stray byte, answered; it resets the parser
    {"\u00ff", STRAY_FF},
    // half a request, then 0xFF: the half is forgotten, the 0xFF answered; nothing else
    {"{\"execute\":\"guest-ping\",\"arguments\":{\"x\":[1,\"ab\u00ff", error("GenericError",
        "JSON parse error, stray '\\\"ab\\uFFFD'")},
    {"{\"execute\":\"guest-ping\"\u00ff{\"execute\":\"guest-ping\",\"id\":1}", STRAY_FF + "{\"return\": {}, \"id\": 1}\n"},
    // 0xFF inside a string: the string up to it is the stray token; the lexer recovers at the '}'
    // after it, which is a message of its own
    {"{\"execute\":\"guest-ping\",\"id\":\"a\u00ffb\"}", error("GenericError", "JSON parse error, stray '\\\"a\\uFFFD'")
        + error("GenericError", "JSON parse error, expecting value")},
    {"\u00ff{\"execute\":\"guest-ping\"}", STRAY_FF + "{\"return\": {}}\n"},
    // guest-sync-delimited: 0xFF before its reply, only when it succeeds
    {"{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":5}}", "\u00ff{\"return\": 5}\n"},
    {"{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":-1},\"id\":true}", "\u00ff{\"return\": -1, \"id\": true}\n"},
    {"{\"execute\":\"guest-sync-delimited\"}", error("GenericError", "Parameter 'id' is missing")},
    {"{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":\"x\"},\"id\":2}",
        error("2", "GenericError", "Invalid parameter type for 'id', expected: integer")},
    {"{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":1,\"x\":2}}", error("GenericError", "Parameter 'x' is unexpected")},
    {"{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":18446744073709551615}}",
        error("GenericError", "Invalid parameter type for 'id', expected: integer")},
    {"{\"execute\":\"guest-sync\",\"arguments\":{\"id\":9223372036854775807}}", "{\"return\": 9223372036854775807}\n"},
    {"{\"execute\":\"guest-sync\",\"arguments\":{\"id\":-9223372036854775808}}", "{\"return\": -9223372036854775808}\n"},
    {"{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1.5}}", error("GenericError", "Invalid parameter type for 'id', expected: integer")},
    {"{\"execute\":\"guest-sync\"}", error("GenericError", "Parameter 'id' is missing")},
    {"{\"execute\":\"guest-ping\",\"arguments\":{\"x\":1}}", error("GenericError", "Parameter 'x' is unexpected")},
    {"{\"execute\":\"guest-ping\",\"arguments\":{}}", "{\"return\": {}}\n"},
    // no negotiation: QMP's own commands are unknown
    {"{\"execute\":\"qmp_capabilities\"}", error("CommandNotFound", "The command qmp_capabilities has not been found")},
    {"{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"oob\"]},\"id\":1}",
        error("1", "CommandNotFound", "The command qmp_capabilities has not been found")},
    {"{\"execute\":\"query-commands\",\"id\":\"q\"}", error("\"q\"", "CommandNotFound", "The command query-commands has not been found")},
    {"{\"execute\":\"query-qmp-schema\"}", error("CommandNotFound", "The command query-qmp-schema has not been found")},
    {"{\"execute\":\"no-such\",\"id\":[1,{\"a\":null}]}", error("[1, {\"a\": null}]", "CommandNotFound", "The command no-such has not been found")},
    // never out-of-band
    {"{\"exec-oob\":\"guest-ping\",\"id\":1}", error("1", "GenericError", "QMP input member 'exec-oob' is unexpected")},
    {"{\"execute\":\"guest-ping\",\"exec-oob\":\"guest-ping\"}", error("GenericError", "QMP input member 'exec-oob' is unexpected")},
    {"{\"execute\":\"guest-ping\",\"control\":{\"run-oob\":true}}", error("GenericError", "QMP input member 'control' is unexpected")},
    // the request's checks
    {"[1,2]", error("GenericError", "QMP input must be a JSON object")},
    {"\"str\"", error("GenericError", "QMP input must be a JSON object")},
    {"null ", error("GenericError", "QMP input must be a JSON object")},
    {"{}", error("GenericError", "QMP input lacks member 'execute'")},
    {"{\"id\":1}", error("1", "GenericError", "QMP input lacks member 'execute'")},
    {"{\"execute\":true,\"id\":2}", error("2", "GenericError", "QMP input member 'execute' must be a string")},
    {"{\"execute\":\"guest-ping\",\"arguments\":[],\"id\":3}", error("3", "GenericError", "QMP input member 'arguments' must be an object")},
    {"{\"execute\":\"guest-ping\",\"foo\":1,\"id\":4}", error("4", "GenericError", "QMP input member 'foo' is unexpected")},
    {"{\"execute\":\"guest-ping\",\"execute\":\"x\"}", error("GenericError", "JSON parse error, duplicate key")},
    // malformed JSON
    {"{]", error("GenericError", "JSON parse error, expecting value")},
    {"%p", error("GenericError", "JSON parse error, stray '%'")},
    {"{\u0001", error("GenericError", "JSON parse error, stray '\\u0001'")},
    {"{'bad \u00ff", error("GenericError", "JSON parse error, stray ''bad \\uFFFD'")},
    {"{\"execute\":\"guest-ping\",\"id\":truex}", error("GenericError", "JSON parse error, invalid keyword 'truex'")},
    {"{\"execute\":\"guest-ping\",\"id\":\"\\u12zz\"}", error("GenericError", "JSON parse error, \\\\u12zz is not a valid Unicode character")},
    // ids of every JSON type, echoed as QEMU prints them
    {"{\"execute\":\"guest-ping\",\"id\":null}", "{\"return\": {}, \"id\": null}\n"},
    {"{\"execute\":\"guest-ping\",\"id\":{\"b\":1,\"a\":[0.1,18446744073709551616,-0,1E5]}}",
        "{\"return\": {}, \"id\": {\"a\": [0.10000000000000001, 1.8446744073709552e+19, 0, 100000], \"b\": 1}}\n"},
    {"{'execute':'guest-ping','id':'it\\'s'}", "{\"return\": {}, \"id\": \"it's\"}\n"},
    {"{\"execute\":\"guest-ping\",\"id\":\"\\u00e9\u00c3\u00a9\"}", "{\"return\": {}, \"id\": \"\\u00E9\\u00E9\"}\n"},
    {"{\"execute\":\"guest-ping\",\"id\":\"\\u0000\"}", "{\"return\": {}, \"id\": \"\\u0000\"}\n"},
    {"{\"execute\":\"guest-ping\",\"id\":1e400}", "{\"return\": {}, \"id\": inf}\n"},
    {"{\"execute\":\"guest-ping\",\"id\":\"\u00c3(\"}", error("GenericError", "JSON parse error, invalid UTF-8 sequence in string")},
    {"{\"execute\":\"guest-ping\",\"id\":\"\u00ed\u00a0\u0080\"}",
        error("GenericError", "JSON parse error, invalid UTF-8 sequence in string")},
    // a NUL ends the stray token's text, as in C
    {"{\"execute\":\"guest-ping\",\"id\":\"a\u0000b\"}", error("GenericError", "JSON parse error, stray '\\\"a'")
        + error("GenericError", "JSON parse error, expecting value")},
    // several requests in one write, answered in order
    {"{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1}}{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":2}} "
        + "{\"execute\":\"guest-ping\",\"id\":3}",
        "{\"return\": 1}\n\u00ff{\"return\": 2}\n{\"return\": {}, \"id\": 3}\n"},
    {"{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":1}}{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":2}}",
        "\u00ff{\"return\": 1}\n\u00ff{\"return\": 2}\n"},
  };

  @TempDir Path dir;
  private QmpServer server;
  private Path serverSocket;

  /** The three commands of qemu-ga's schema the tests use, written by hand as generated code would. */
  static DispatchTable table() {
    return new DispatchTable() {
      @Override
      public String schemaName() {
        return "qga";
      }

      @Override
      public List<QmpCommand> commands() {
        return List.of(
            new QmpCommand("guest-sync-delimited", a -> echoId(TestArguments.int64(a, "id"))),
            new QmpCommand("guest-sync", a -> echoId(TestArguments.int64(a, "id"))),
            new QmpCommand("guest-ping", a -> {
              Input.noArguments(a);
              return ReplyWriter.EMPTY_OBJECT;
            }));
      }
    };
  }

  private static ReplyWriter echoId(long id) {
    return g -> g.writeNumber(id);
  }

  @BeforeEach
  void startServer() {
    serverSocket = dir.resolve("server.sock");
    server = QmpServer.builder().guestAgent(true).commands(table()).endpoint(QmpEndpoint.unix(serverSocket)).build();
    server.start();
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    server.shutdown();
    server.awaitTermination();
  }

  @Test
  void recordedReplies() throws IOException {
    try (Wire c = Wire.connect(serverSocket)) {
      List<String> got = c.run(CASES);
      for (int i = 0; i < CASES.length; i++) {
        assertEquals(visible(CASES[i][1]), visible(got.get(i)), "reply to " + visible(CASES[i][0]));
      }
    }
  }

  /** The same inputs to qemu-ga and to the server: every byte of their answers is the same. */
  @Test
  void sideBySideWithQemuGa() throws Exception {
    Path agentDir = Files.createDirectory(dir.resolve("qga"));
    Path agentSocket = agentDir.resolve("qga.sock");
    Process agent = Peers.startQemuGa(agentDir);
    try {
      List<String> fromAgent;
      List<String> fromServer;
      try (Wire a = Wire.connect(agentSocket); Wire s = Wire.connect(serverSocket)) {
        fromAgent = a.run(CASES);
        fromServer = s.run(CASES);
      }
      List<String> differ = new ArrayList<>();
      for (int i = 0; i < CASES.length; i++) {
        if (!fromAgent.get(i).equals(fromServer.get(i))) {
          differ.add(visible(CASES[i][0]) + "\n  qemu-ga: " + visible(fromAgent.get(i))
              + "\n  qapi4j:  " + visible(fromServer.get(i)));
        }
      }
      assertTrue(differ.isEmpty(), String.join("\n", differ));
      // and the recorded replies are still what this qemu-ga answers
      for (int i = 0; i < CASES.length; i++) {
        assertEquals(visible(CASES[i][1]), visible(fromAgent.get(i)), "qemu-ga's reply to " + visible(CASES[i][0]));
      }
    } finally {
      agent.destroy();
      if (!agent.waitFor(10, TimeUnit.SECONDS)) {
        agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void noGreetingAndNoEvents() throws IOException {
    try (Wire c = Wire.connect(serverSocket)) {
      // the first bytes the client gets are the reply to its first request
      c.send("{\"execute\":\"guest-ping\",\"id\":\"first\"}");
      assertEquals("{\"return\": {}, \"id\": \"first\"}\n", c.until("\n"));
    }
    assertEquals(List.of("guest-sync-delimited", "guest-sync", "guest-ping"), server.commandNames());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> server.events().emit(new QmpEvent("SOMETHING", null)));
    assertTrue(e.getMessage().contains("no events"), e.getMessage());
  }

  @Test
  void qmpOnlyOptionsAreRefused() {
    assertThrows(IllegalStateException.class, () -> QmpServer.builder().guestAgent(true).preconfig(true).build());
    assertThrows(IllegalStateException.class, () -> QmpServer.builder().guestAgent(true).legacyRunOob(true).build());
  }

  /** Bytes shown with what is not printable ASCII escaped. */
  static String visible(String s) {
    StringBuilder b = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (ch >= 0x20 && ch < 0x7F) {
        b.append(ch);
      } else {
        b.append(String.format("\\x%02X", (int) ch));
      }
    }
    return b.toString();
  }

  /**
   * A raw connection: sends bytes, reads bytes with a deadline. {@link #run} sends each case and,
   * after it, {@code guest-sync-delimited} with the case's number: the answer to the case is every
   * byte before that sync's reply.
   */
  static final class Wire implements Closeable {
    private final SocketChannel channel;
    private final Selector selector;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private Wire(SocketChannel channel) throws IOException {
      this.channel = channel;
      channel.configureBlocking(false);
      selector = Selector.open();
      channel.register(selector, SelectionKey.OP_READ);
    }

    static Wire connect(Path socket) throws IOException {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket));
      return new Wire(channel);
    }

    void send(String latin1) throws IOException {
      ByteBuffer b = ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1));
      while (b.hasRemaining()) {
        channel.write(b);
      }
    }

    /** Reads until {@code end} has arrived; returns what came up to and with it (ISO-8859-1). */
    String until(String end) throws IOException {
      byte[] marker = end.getBytes(StandardCharsets.ISO_8859_1);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      ByteBuffer buffer = ByteBuffer.allocate(4096);
      while (true) {
        byte[] all = received.toByteArray();
        int at = indexOf(all, marker);
        if (at >= 0) {
          received.reset();
          received.write(all, at + marker.length, all.length - at - marker.length);
          return new String(all, 0, at + marker.length, StandardCharsets.ISO_8859_1);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("no " + visible(end) + " within 10 s; received " + visible(new String(all, StandardCharsets.ISO_8859_1)));
        }
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        selector.selectedKeys().clear();
        buffer.clear();
        int n = channel.read(buffer);
        if (n < 0) {
          fail("closed; received " + visible(new String(all, StandardCharsets.ISO_8859_1)));
        }
        received.write(buffer.array(), 0, n);
      }
    }

    List<String> run(String[][] cases) throws IOException {
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < cases.length; i++) {
        int mark = 1000 + i;
        send(cases[i][0] + "\n{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":" + mark + "}}");
        String marker = "\u00ff{\"return\": " + mark + "}\n";
        String got = until(marker);
        answers.add(got.substring(0, got.length() - marker.length()));
      }
      return answers;
    }

    private static int indexOf(byte[] all, byte[] marker) {
      outer:
      for (int i = 0; i + marker.length <= all.length; i++) {
        for (int j = 0; j < marker.length; j++) {
          if (all[i + j] != marker[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    @Override
    public void close() throws IOException {
      selector.close();
      channel.close();
    }
  }

  static {
    // the cases must be distinct inputs, to name them in messages
    assert Arrays.stream(CASES).map(c -> c[0]).distinct().count() == CASES.length;
  }
}
