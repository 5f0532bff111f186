package org.qapi4j.testschemas.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.qapi4j.testschemas.kitchen.Wire.byName;
import static org.qapi4j.testschemas.kitchen.Wire.error;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpEndpoint;
import org.qapi4j.runtime.client.QmpClient;
import org.qapi4j.runtime.client.Subscription;
import org.qapi4j.runtime.server.QmpServer;
import org.qapi4j.testschemas.kitchen.Conditions.TestIfStruct;
import org.qapi4j.testschemas.kitchen.Structs.EnumOne;
import org.qapi4j.testschemas.kitchen.Structs.UserDefOne;
import org.qapi4j.testschemas.kitchen.Structs.UserDefOptions;
import org.qapi4j.testschemas.kitchen.Structs.UserDefZero;

/**
 * Arguments and event data given by a named struct whose members the method declares one by one
 * ({@code data = S.class}, QAPI's {@code 'data': 'S'} without {@code 'boxed'}): on the wire they
 * are the struct's members, as if inline or boxed; introspection names the struct; through the
 * dispatch table, the emitter, and a server with the typed clients and listener.
 */
class NamedDataTest {
  private final KitchenSinkImpl impl = new KitchenSinkImpl();
  private final List<QmpCommand> commands = new KitchenSink_Dispatch(impl).commands();
  private final Introspected schema = new Introspected(new KitchenSink_Dispatch(impl).introspection());

  @TempDir Path dir;

  private String call(String name, String arguments) {
    return Wire.call(byName(commands, name), arguments);
  }

  @Test
  void theDispatchTableReadsTheStructsMembersItsBasesFirst() {
    assertEquals("{\"integer\": 7, \"enum1\": \"value2\", \"string\": \"s\"}",
        call("echo-user-def-one", "{\"string\": \"s\", \"integer\": 7, \"enum1\": \"value2\"}"));
    assertEquals("{\"integer\": 7, \"string\": \"s\"}", call("echo-user-def-one", "{\"integer\": 7, \"string\": \"s\"}"));
    assertEquals("Parameter 'integer' is missing", error(() -> call("echo-user-def-one", "{\"string\": \"s\"}")));
    assertEquals("Parameter 'string' is missing", error(() -> call("echo-user-def-one", "{\"integer\": 7}")));
    assertEquals("Invalid parameter type for 'integer', expected: integer",
        error(() -> call("echo-user-def-one", "{\"integer\": \"7\", \"string\": \"s\"}")));
    assertEquals("Parameter 'x' is unexpected",
        error(() -> call("echo-user-def-one", "{\"integer\": 7, \"string\": \"s\", \"x\": 1}")));
  }

  @Test
  void onTheWireTheMembersOneByOneAreTheStructBoxed() {
    // echo-options takes UserDefOptions boxed, echo-option-members its members one by one.
    for (String arguments : List.of(
        "{}",
        "{\"i64\": [-1, 2], \"u64\": [18446744073709551615], \"u16\": [65535], \"i64x\": -9, \"u64x\": 18446744073709551615}",
        "{\"u16\": [65536]}",
        "{\"u64x\": -1}",
        "{\"i64\": 1}",
        "{\"i64x\": 1, \"other\": 2}")) {
      assertEquals(outcome("echo-options", arguments), outcome("echo-option-members", arguments), arguments);
    }
    assertEquals("{\"u16\": [65535], \"i64x\": -9}", call("echo-option-members", "{\"i64x\": -9, \"u16\": [65535]}"));
  }

  /** What a call replies: its result, or its error's text. */
  private String outcome(String command, String arguments) {
    try {
      return call(command, arguments);
    } catch (org.qapi4j.runtime.QmpError e) {
      return "error: " + e.desc();
    }
  }

  @Test
  void aMemberWhoseConditionFailsIsUnexpectedAndItsParameterZero() {
    assertEquals("{\"foo\": 7}", call("test-if-named-cmd", "{\"foo\": 7}"));
    assertEquals(List.of("test-if-named-cmd 7 0"), impl.calls);
    assertEquals("Parameter 'bar' is unexpected", error(() -> call("test-if-named-cmd", "{\"foo\": 7, \"bar\": 1}")));
    assertEquals(List.of("foo"), schema.names(schema.argType("test-if-named-cmd")));
  }

  @Test
  void introspectionNamesTheStruct() {
    // The command returns the struct it takes: one masked name for both.
    assertEquals(schema.entry("echo-user-def-one").get("ret-type").asString(),
        schema.entry("echo-user-def-one").get("arg-type").asString());
    assertEquals(schema.entry("echo-option-members").get("ret-type").asString(),
        schema.entry("echo-option-members").get("arg-type").asString());
    assertEquals(schema.entry("echo-options").get("arg-type").asString(),
        schema.entry("echo-option-members").get("arg-type").asString());
    assertEquals(List.of("integer", "string", "enum1"), schema.names(schema.argType("echo-user-def-one")));
    assertEquals(List.of("integer", "boolean", "string"), schema.names(schema.argType("EVENT_H")));
  }

  @Test
  void theEmitterWritesTheMembersOneByOne() {
    Wire.Events sink = new Wire.Events();
    new KitchenSink_Events_Emitter(sink).eventH(3, true, "h");
    // QEMU's hash order: 'integer' in bucket 77, 'boolean' 104, 'string' 194.
    assertEquals(List.of("EVENT_H {\"integer\": 3, \"boolean\": true, \"string\": \"h\"}"), sink.sent);
    assertEquals(List.of("EVENT_H " + Wire.write(new Structs.TestStruct(3, true, "h"), KitchenSink_Marshal::writeTestStruct)),
        sink.sent);
  }

  @Test
  void throughAServerWithTheTypedClientsAndListener() throws Exception {
    Path socket = dir.resolve("qmp.sock");
    QmpServer server = QmpServer.builder()
        .commands(new KitchenSink_Dispatch(impl))
        .endpoint(QmpEndpoint.unix(socket))
        .build();
    server.start();
    try (QmpClient qmp = QmpClient.connect(java.net.UnixDomainSocketAddress.of(socket), Duration.ofSeconds(30))) {
      Structs structs = qmp.commands(Structs.class);
      assertEquals(new UserDefOne(new UserDefZero(7), "s", EnumOne.VALUE2), structs.echoUserDefOne(7, "s", EnumOne.VALUE2));
      assertEquals(new UserDefOne(new UserDefZero(-1), "t", null), structs.echoUserDefOne(-1, "t", null));
      UserDefOptions options = new UserDefOptions(List.of(-1L), List.of(-1L), List.of(65535), null, -2L);
      assertEquals(options, qmp.commands(Structs_Async.class)
          .echoOptionMembers(List.of(-1L), List.of(-1L), List.of(65535), null, -2L).get(30, TimeUnit.SECONDS));
      assertEquals(new TestIfStruct(5, 0), qmp.commands(Conditions.class).testIfNamedCmd(5, 9));
      assertEquals(List.of("test-if-named-cmd 5 0"), impl.calls); // bar is not sent in this configuration

      BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
      try (Subscription s = qmp.listen(KitchenSink.Events.class, new KitchenSink_Events_Listener() {
        @Override
        public void eventH(long integer, boolean flag, String string) {
          received.add(integer + " " + flag + " " + string);
        }
      })) {
        new KitchenSink_Events_Emitter(server.events()).eventH(3, true, "h");
        assertEquals("3 true h", received.poll(30, TimeUnit.SECONDS));
      }
    } finally {
      server.shutdown();
    }
  }
}
