package org.qapi4j.testschemas.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qapi4j.testschemas.kitchen.Wire.byName;
import static org.qapi4j.testschemas.kitchen.Wire.call;
import static org.qapi4j.testschemas.kitchen.Wire.error;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpEndpoint;
import org.qapi4j.runtime.server.QmpServer;
import org.qapi4j.runtime.marshal.Input;
import tools.jackson.databind.JsonNode;

/** The kitchen sink's commands through its generated dispatch table, and through a server. */
class CommandsTest {
  private final KitchenSinkImpl impl = new KitchenSinkImpl();
  private final List<QmpCommand> commands = new KitchenSink_Dispatch(impl).commands();

  @TempDir Path dir;

  private String call(String name, String arguments) {
    return Wire.call(byName(commands, name), arguments);
  }

  @Test
  void theTableHasEveryGeneratedCommandWithItsFlags() {
    List<String> names = commands.stream().map(QmpCommand::name).toList();
    assertEquals(List.of("user_def_cmd", "user-def-cmd0", "user-def-cmd1", "user-def-cmd2", "echo-integers",
        "echo-options", "echo-enums", "echo-grid", "echo-builtins", "cmd-success-response", "coroutine-cmd",
        "test-flags-command", "guest-get-time", "guest-sync", "boxed-struct", "boxed-empty",
        "test-cmd-return-def-three"), names.subList(0, 17));
    assertFalse(names.contains("hand-written")); // gen = false
    assertTrue(names.contains("__org.qemu_x-command"));
    assertEquals(Set.of(QmpCommand.Flag.ALLOW_OOB, QmpCommand.Flag.ALLOW_PRECONFIG), byName(commands, "test-flags-command").flags());
    assertEquals(Set.of(QmpCommand.Flag.NO_SUCCESS_RESPONSE), byName(commands, "cmd-success-response").flags());
    assertEquals(Set.of(QmpCommand.Flag.COROUTINE), byName(commands, "coroutine-cmd").flags());
    assertEquals(Set.of(), byName(commands, "user-def-cmd2").flags());
  }

  @Test
  void argumentsAndResults() {
    assertEquals("{}", call("user_def_cmd", null));
    assertEquals("{}", call("user_def_cmd", "{}"));
    assertEquals("Parameter 'x' is unexpected", error(() -> call("user_def_cmd", "{\"x\": 1}")));
    assertEquals("{}", call("user-def-cmd0", "{}"));
    assertEquals("{}", call("user-def-cmd1", "{\"ud1a\": {\"integer\": 7, \"string\": \"s\"}}"));
    assertEquals(List.of("user_def_cmd", "user_def_cmd", "user-def-cmd1 UserDefOne[base=UserDefZero[integer=7], string=s,"
        + " enum1=null]"), impl.calls);
    assertEquals("{\"string0\": \"user-def-cmd2\", \"dict1\": {\"dict3\": {\"string\": \"ud1b\", \"userdef\": {\"integer\": 2,"
        + " \"string\": \"b\"}}, \"dict2\": {\"string\": \"ud1a\", \"userdef\": {\"integer\": 1, \"enum1\": \"value2\","
        + " \"string\": \"a\"}}, \"string1\": \"s1\"}}",
        call("user-def-cmd2", "{\"ud1a\": {\"integer\": 1, \"string\": \"a\", \"enum1\": \"value2\"},"
            + " \"ud1b\": {\"integer\": 2, \"string\": \"b\"}}"));
    assertEquals("Parameter 'ud1a' is missing", error(() -> call("user-def-cmd2", "{}")));
    assertEquals("Parameter 'ud1b.string' is missing",
        error(() -> call("user-def-cmd2", "{\"ud1a\": {\"integer\": 1, \"string\": \"a\"}, \"ud1b\": {\"integer\": 2}}")));
    // Non-object results (pragma command-returns-exceptions).
    assertEquals("42", call("guest-get-time", "{\"a\": 40, \"b\": 2}"));
    assertEquals("[1, {\"a\": null}]", call("guest-sync", "{\"arg\": [1, {\"a\": null}]}"));
    assertEquals("Parameter 'arg' is missing", error(() -> call("guest-sync", "{}")));
    // success-response: false: the marshal function returns nothing to write.
    call("cmd-success-response", null);
    assertEquals("{\"string0\": \"three\"}", call("test-cmd-return-def-three", null));
  }

  @Test
  void boxedCommandsTakeTheMembersOfOneType() {
    assertEquals("{}", call("boxed-struct", "{\"integer\": 5}"));
    assertEquals("{}", call("boxed-empty", null));
    assertEquals(List.of("boxed-struct UserDefZero[integer=5]", "boxed-empty Empty1[]"), impl.calls);
    assertEquals("Parameter 'integer' is missing", error(() -> call("boxed-struct", "{}")));
    assertEquals("{\"type\": \"u8\", \"data\": [1]}", call("boxed-union", "{\"type\": \"u8\", \"data\": [1]}"));
    assertEquals("Parameter 'type' is missing", error(() -> call("boxed-union", null)));
    assertEquals("{\"alt\": \"value2\"}", call("echo-wrap-alternate", "{\"alt\": \"value2\"}"));
  }

  @Test
  void downstreamNames() {
    assertEquals("{\"wchar-t\": 3, \"__org.qemu_x-member2\": \"m\", \"__org.qemu_x-member1\": \"__org.qemu_x-value\"}",
        call("__org.qemu_x-command", "{\"a\": [\"__org.qemu_x-value\"], \"b\": [{\"__org.qemu_x-member1\":"
            + " \"__org.qemu_x-value\", \"__org.qemu_x-member2\": \"m\", \"wchar-t\": 3}], \"c\": {\"__org.qemu_x-member1\":"
            + " \"__org.qemu_x-value\", \"array\": []}, \"d\": {\"__org.qemu_x-member1\": \"__org.qemu_x-value\"},"
            + " \"e\": \"x\"}"));
    assertEquals("Invalid parameter type for 'e', expected: __org.qemu_x-Alt1",
        error(() -> call("__org.qemu_x-command", "{\"a\": [], \"b\": [], \"c\": {\"__org.qemu_x-member1\":"
            + " \"__org.qemu_x-value\", \"array\": []}, \"d\": {\"__org.qemu_x-member1\": \"__org.qemu_x-value\"},"
            + " \"e\": 1}")));
  }

  /** {@code gen = false}: registered by hand, introspected from the schema, served by the server. */
  @Test
  void aGenFalseCommandIsRegisteredByHand() throws Exception {
    Path socket = dir.resolve("qmp.sock");
    QmpServer server = QmpServer.builder()
        .commands(new KitchenSink_Dispatch(impl))
        .command(new QmpCommand("hand-written", arguments -> {
          Input.arguments(arguments);
          return out -> out.writeString("by hand");
        }))
        .endpoint(QmpEndpoint.unix(socket))
        .build();
    server.start();
    try (LineClient qmp = LineClient.negotiated(socket)) {
      assertEquals("{\"return\": \"by hand\"}", qmp.call("{\"execute\": \"hand-written\"}"));
      JsonNode schema = new tools.jackson.databind.ObjectMapper().readTree(qmp.call("{\"execute\": \"query-qmp-schema\"}"));
      Introspected introspected = new Introspected(schema.get("return").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertEquals("any", introspected.entry("hand-written").get("ret-type").asString());
      assertEquals(List.of("anything"), introspected.names(introspected.argType("hand-written")));
      // success-response: false sends nothing: the next reply is the next command's.
      assertEquals("{\"return\": {}, \"id\": 2}",
          qmp.call("{\"execute\": \"cmd-success-response\", \"id\": 1}{\"execute\": \"test-flags-command\", \"id\": 2}"));
    } finally {
      server.shutdown();
    }
  }
}
