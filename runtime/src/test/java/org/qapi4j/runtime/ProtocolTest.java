package org.qapi4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.server.QmpServer;
import tools.jackson.core.JsonParser;

/**
 * The protocol, byte for byte. Every expected line below is what Debian's qemu-system-x86_64 7.2
 * answered to the same bytes (recorded side by side), unless a comment says otherwise.
 */
class ProtocolTest {
  private static final String GREETING =
      "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, \"package\": \"test\"}, "
          + "\"capabilities\": [\"oob\"]}}";

  @TempDir Path dir;
  private QmpServer server;
  private Path socket;

  /** {@code echo-int}: {@code 'data': {'value': 'int'}, 'returns': {'value': 'int'}}; {@code boom} fails. */
  private static DispatchTable table() {
    return new DispatchTable() {
      @Override
      public String schemaName() {
        return "test";
      }

      @Override
      public List<QmpCommand> commands() {
        return List.of(
            new QmpCommand("echo-int", ProtocolTest::echoInt),
            new QmpCommand("oob-ping", Set.of(QmpCommand.Flag.ALLOW_OOB), a -> ReplyWriter.EMPTY_OBJECT),
            new QmpCommand("quiet", Set.of(QmpCommand.Flag.NO_SUCCESS_RESPONSE), a -> null),
            new QmpCommand("boom", a -> {
              throw new IllegalStateException("the handler broke");
            }),
            new QmpCommand("half-written", a -> out -> {
              out.writeStartObject();
              throw new IllegalStateException("the writer broke");
            }));
      }
    };
  }

  private static ReplyWriter echoInt(JsonParser arguments) {
    long v = TestArguments.int64(arguments, "value");
    return out -> {
      out.writeStartObject();
      out.writeName("value");
      out.writeNumber(v);
      out.writeEndObject();
    };
  }

  @BeforeEach
  void start() {
    socket = dir.resolve("qmp.sock");
    server = QmpServer.builder()
        .version(7, 2, 0, "test")
        .commands(table())
        .endpoint(QmpEndpoint.unix(socket))
        .build();
    server.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.shutdown();
    server.awaitTermination();
  }

  private RawClient connect() throws IOException {
    RawClient c = RawClient.unix(socket);
    assertEquals(GREETING, c.line());
    return c;
  }

  private RawClient negotiated() throws IOException {
    RawClient c = connect();
    assertEquals("{\"return\": {}}", c.call("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}"));
    return c;
  }

  private static String error(String cls, String desc) {
    return "{\"error\": {\"class\": \"" + cls + "\", \"desc\": \"" + desc + "\"}}";
  }

  /** QEMU's qmp-test malformed battery: each bad input is answered, and the session recovers. */
  private static void malformedBattery(RawClient c, String notFound) throws IOException {
    String[][] cases = {
      {"{]\n", "JSON parse error, expecting value"},
      {"{\u00ff", "JSON parse error, stray '\\uFFFD'"},
      {"{\u0001", "JSON parse error, stray '\\u0001'"},
      {"{'bad \u00ff", "JSON parse error, stray ''bad \\uFFFD'"},
      {"{'execute': 'nonexistent', 'id':'\n", "JSON parse error, stray ''\\n'"},
      {"%p", "JSON parse error, stray '%'"},
    };
    for (String[] bad : cases) {
      assertEquals(error("GenericError", bad[1]), c.call(bad[0]), bad[0]);
      assertEquals(notFound, c.call("{ 'execute': 'no-such-cmd' }"), "recovered after " + bad[0]);
    }
    // A keyword ends at the byte after it, as in QEMU: "null" alone waits for it.
    assertEquals(error("GenericError", "QMP input must be a JSON object"), c.call("null\n"));
    assertEquals(error("GenericError", "QMP input lacks member 'execute'"), c.call("{}"));
    assertEquals(error("GenericError", "QMP input member 'execute' must be a string"), c.call("{ 'execute': true }"));
    assertEquals(error("GenericError", "QMP input member 'arguments' must be an object"),
        c.call("{ 'execute': 'no-such-cmd', 'arguments': [] }"));
    assertEquals(error("GenericError", "QMP input member 'extra' is unexpected"),
        c.call("{ 'execute': 'no-such-cmd', 'extra': true }"));
  }

  @Test
  void malformedInputBeforeAndAfterNegotiation() throws IOException {
    try (RawClient c = connect()) {
      malformedBattery(c, error("CommandNotFound", "Expecting capabilities negotiation with 'qmp_capabilities'"));
      assertEquals("{\"return\": {}}", c.call("{\"execute\": \"qmp_capabilities\"}"));
      malformedBattery(c, error("CommandNotFound", "The command no-such-cmd has not been found"));
    }
  }

  @Test
  void negotiation() throws IOException {
    try (RawClient c = connect()) {
      assertEquals(error("GenericError", "Parameter 'foo' is unexpected"),
          c.call("{\"execute\":\"qmp_capabilities\",\"arguments\":{\"foo\":1}}"));
      // QEMU says 'null' here; qapi4j names the element (QMP.md).
      assertEquals(error("GenericError", "Parameter 'enable[0]' does not accept value 'bogus'"),
          c.call("{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"bogus\"]}}"));
      assertEquals(error("GenericError", "QMP input member 'exec-oob' is unexpected"),
          c.call("{\"exec-oob\":\"oob-ping\"}"));
      assertEquals("{\"return\": {}, \"id\": \"n\"}",
          c.call("{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"oob\"]},\"id\":\"n\"}"));
      assertEquals(error("CommandNotFound", "Capabilities negotiation is already complete, command ignored"),
          c.call("{\"execute\":\"qmp_capabilities\"}"));
      assertEquals(error("GenericError", "Parameter 'y' is unexpected"),
          c.call("{\"execute\":\"qmp_capabilities\",\"arguments\":{\"x\":1,\"enable\":[\"oob\"],\"y\":2,\"zz\":3}}"));
    }
  }

  @Test
  void requestChecks() throws IOException {
    try (RawClient c = negotiated()) {
      assertEquals("{\"id\": 7, \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command no-such-command has not been found\"}}",
          c.call("{\"execute\":\"no-such-command\",\"id\":7}"));
      assertEquals(error("GenericError", "QMP input member 'foo' is unexpected"), c.call("{\"foo\":1}"));
      assertEquals(error("GenericError", "QMP input must be a JSON object"), c.call("[1,2]"));
      assertEquals(error("GenericError", "QMP input lacks member 'execute'"), c.call("{\"arguments\":{}}"));
      assertEquals(error("GenericError", "QMP input member 'control' is unexpected"),
          c.call("{\"execute\":\"echo-int\",\"control\":{\"run-oob\":true}}"));
      assertEquals(error("GenericError", "JSON parse error, duplicate key"),
          c.call("{\"execute\":\"no-such\",\"id\":7,\"execute\":\"x\"}"));
      assertEquals("{\"id\": 2, \"error\": {\"class\": \"GenericError\", \"desc\": \"The command echo-int does not support OOB\"}}",
          c.call("{\"exec-oob\":\"echo-int\",\"id\":2}"));
      assertEquals("{\"return\": {}, \"id\": \"o\"}", c.call("{\"exec-oob\":\"oob-ping\",\"id\":\"o\"}"));
      assertEquals(error("GenericError", "Parameter 'b' is unexpected"),
          c.call("{\"execute\":\"query-commands\",\"arguments\":{\"a\":1,\"b\":2}}"));
    }
  }

  @Test
  void idIsEchoedAsQemuPrintsIt() throws IOException {
    try (RawClient c = negotiated()) {
      assertEquals("{\"return\": {\"value\": 5}, \"id\": {\"a\": [0.10000000000000001, 1.8446744073709552e+19, 0, 100000], \"b\": 1}}",
          c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":5},\"id\":{\"b\":1,\"a\":[0.1,18446744073709551616,-0,1E5]}}"));
      assertEquals("{\"return\": {\"value\": 1}, \"id\": \"\\u00E9\\u007F\\u0001/\\u00E9\"}",
          c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":1},\"id\":\"\\u00e9\\u007f\\u0001/\u00c3\u00a9\"}"));
      assertEquals("{\"return\": {\"value\": 2}, \"id\": \"it's\"}",
          c.call("{'execute':'echo-int','arguments':{'value':2},'id':'it\\'s'}"));
      assertEquals(error("GenericError", "JSON parse error, \\\\u12zz is not a valid Unicode character"),
          c.call("{\"execute\":\"echo-int\",\"id\":\"\\u12zz\"}"));
      assertEquals(error("GenericError", "JSON parse error, invalid keyword 'truex'"),
          c.call("{\"execute\":\"echo-int\",\"id\":truex}"));
    }
  }

  @Test
  void argumentErrorsAndHandlerFailures() throws IOException {
    try (RawClient c = negotiated()) {
      assertEquals(error("GenericError", "Parameter 'value' is missing"), c.call("{\"execute\":\"echo-int\"}"));
      assertEquals(error("GenericError", "Invalid parameter type for 'value', expected: integer"),
          c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":\"x\"}}"));
      // Not QEMU's: a failing handler is answered, and the session lives on. The answer names the
      // command, and nothing of the exception (its message and class stay in the server's log).
      assertEquals(error("GenericError", "Command 'boom' failed unexpectedly"), c.call("{\"execute\":\"boom\"}"));
      assertEquals(error("GenericError", "Command 'half-written' failed unexpectedly"),
          c.call("{\"execute\":\"half-written\"}"));
      // success-response false: nothing on success; the next reply is the next request's.
      assertEquals("{\"return\": {\"value\": 3}}",
          c.call("{\"execute\":\"quiet\"}{\"execute\":\"echo-int\",\"arguments\":{\"value\":3}}"));
    }
  }

  @Test
  void requestsSplitAnywhereOrManyInOneWrite() throws IOException {
    try (RawClient c = negotiated()) {
      byte[] request = "{\"execute\": \"echo-int\", \"arguments\": {\"value\": 42}}".getBytes();
      for (byte b : request) {
        c.send(new byte[] {b});
      }
      assertEquals("{\"return\": {\"value\": 42}}", c.line());
      StringBuilder many = new StringBuilder();
      for (int i = 0; i < 100; i++) {
        many.append("{\"execute\":\"echo-int\",\"arguments\":{\"value\":").append(i).append("}}");
      }
      c.send(many.toString());
      for (int i = 0; i < 100; i++) {
        assertEquals("{\"return\": {\"value\": " + i + "}}", c.line());
      }
    }
  }

  @Test
  void tooDeepIsAnsweredOnceThenTheSessionGoesOn() throws IOException {
    try (RawClient c = negotiated()) {
      c.send("[".repeat(1100) + "]".repeat(1100));
      // QEMU 7.2 answers once per bracket after the limit (1,027 replies); qapi4j once.
      assertEquals(error("GenericError", "JSON nesting depth limit exceeded"), c.line());
      assertEquals("{\"return\": {\"value\": 1}}", c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":1}}"));
    }
  }

  @Test
  void eventsGoToNegotiatedSessionsOnly() throws IOException {
    try (RawClient waiting = connect(); RawClient ready = negotiated()) {
      server.events().emit(new QmpEvent("STOP", null));
      server.events().emit(new QmpEvent("RESET", out -> {
        out.writeStartObject();
        out.writeName("guest");
        out.writeBoolean(false);
        out.writeEndObject();
      }));
      String stop = ready.line();
      assertTrue(stop.matches("\\{\"timestamp\": \\{\"seconds\": \\d+, \"microseconds\": \\d+}, \"event\": \"STOP\"}"), stop);
      String reset = ready.line();
      assertTrue(reset.matches(
          "\\{\"timestamp\": \\{\"seconds\": \\d+, \"microseconds\": \\d+}, \"event\": \"RESET\", \"data\": \\{\"guest\": false}}"), reset);
      // The session still negotiating got nothing: its next line is its own reply.
      assertEquals("{\"return\": {}}", waiting.call("{\"execute\":\"qmp_capabilities\"}"));
    }
  }

  @Test
  void queryCommandsListsTheLastRegisteredFirst() throws IOException {
    try (RawClient c = negotiated()) {
      assertEquals("{\"return\": [{\"name\": \"half-written\"}, {\"name\": \"boom\"}, {\"name\": \"quiet\"}, "
              + "{\"name\": \"oob-ping\"}, {\"name\": \"echo-int\"}, {\"name\": \"query-commands\"}, "
              + "{\"name\": \"qmp_capabilities\"}]}",
          c.call("{\"execute\":\"query-commands\"}"));
    }
  }

  @Test
  void aClientThatVanishesLeavesTheServerServing() throws IOException {
    RawClient gone = negotiated();
    gone.send("{\"execute\":\"echo-int\",\"arguments\":{\"val");
    gone.close();
    try (RawClient c = negotiated()) {
      assertEquals("{\"return\": {\"value\": 9}}", c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":9}}"));
    }
  }

  @Test
  void tcpBindsLoopbackAndServesTheSame() throws IOException, InterruptedException {
    QmpServer tcp = QmpServer.builder().version(7, 2, 0, "test").commands(table())
        .endpoint(QmpEndpoint.parse("tcp::0,server=on,wait=off")).build();
    tcp.start();
    try (RawClient c = new RawClient(SocketChannel.open(new InetSocketAddress("127.0.0.1", tcp.boundPort(0))))) {
      assertEquals(GREETING, c.line());
      assertEquals("{\"return\": {}}", c.call("{\"execute\":\"qmp_capabilities\"}"));
      assertEquals("{\"return\": {\"value\": 1}}", c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":1}}"));
    } finally {
      tcp.shutdown();
      tcp.awaitTermination();
    }
  }

  @Test
  void shutdownClosesSessionsAndRemovesTheSocket() throws IOException, InterruptedException {
    RawClient c = negotiated();
    server.shutdown();
    server.awaitTermination();
    assertNull(c.line());
    assertTrue(!socket.toFile().exists());
    c.close();
  }
}
