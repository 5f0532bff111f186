package org.qapi4j.testschemas.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qapi4j.testschemas.kitchen.Wire.byName;
import static org.qapi4j.testschemas.kitchen.Wire.call;
import static org.qapi4j.testschemas.kitchen.Wire.error;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.CompatPolicy;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpEndpoint;
import org.qapi4j.runtime.server.QmpServer;
import org.qapi4j.runtime.marshal.Compat;
import tools.jackson.databind.JsonNode;

/**
 * QEMU's compat policy ({@code -compat}) on the kitchen sink's features. Every error text is the
 * one Debian's qemu-system-x86_64 7.2 gives for the same case on its own schema ({@code eject}'s
 * deprecated {@code device}, {@code block-commit}'s {@code top}, {@code MigrationCapability}'s
 * unstable {@code x-colo}, {@code drive-backup}, {@code x-query-irq}), recorded side by side.
 */
@SuppressWarnings("deprecation") // emits deprecated events on purpose
class CompatTest {
  private static final List<QmpCommand> COMMANDS = new KitchenSink_Dispatch(new KitchenSinkImpl()).commands();
  private static final CompatPolicy REJECT = CompatPolicy.parse("deprecated-input=reject,unstable-input=reject");
  private static final CompatPolicy REJECT_DEPRECATED = CompatPolicy.parse("deprecated-input=reject");
  private static final CompatPolicy HIDE_DEPRECATED = CompatPolicy.parse("deprecated-output=hide");
  private static final CompatPolicy HIDE_UNSTABLE = CompatPolicy.parse("unstable-output=hide");

  @TempDir Path dir;

  private static String call(CompatPolicy policy, String command, String arguments) {
    return Compat.with(policy, () -> Wire.call(byName(COMMANDS, command), arguments));
  }

  private static String refused(CompatPolicy policy, String command, String arguments) {
    return error(() -> call(policy, command, arguments));
  }

  @Test
  void deprecatedAndUnstableArgumentsAreRefusedAtAnyDepth() {
    assertEquals("Deprecated parameter old disabled by policy",
        refused(REJECT, "test-compat", "{\"arg\": {\"plain\": 1, \"old\": 2}}"));
    assertEquals("Unstable parameter experimental disabled by policy",
        refused(REJECT, "test-compat", "{\"arg\": {\"plain\": 1, \"experimental\": \"x\"}}"));
    // Members of nested objects are named bare, as QEMU names them.
    assertEquals("Deprecated parameter foo disabled by policy",
        refused(REJECT, "test-compat", "{\"arg\": {\"plain\": 1, \"nested\": {\"foo\": 3}}}"));
    assertEquals("Deprecated parameter must disabled by policy",
        refused(REJECT, "test-compat", "{\"arg\": {\"plain\": 1}, \"must\": 1}"));
    // Only what the policy names.
    assertEquals("{\"plain\": 1, \"experimental\": \"x\"}",
        call(REJECT_DEPRECATED, "test-compat", "{\"arg\": {\"plain\": 1, \"experimental\": \"x\"}}"));
    assertEquals("{\"plain\": 1, \"e\": \"drei\", \"experimental\": \"x\", \"nested\": {\"foo\": 3}, \"old\": 2}",
        call(CompatPolicy.DEFAULT, "test-compat", "{\"arg\": {\"plain\": 1, \"old\": 2, \"experimental\": \"x\","
            + " \"nested\": {\"foo\": 3}, \"e\": \"drei\"}, \"must\": 1}"));
  }

  @Test
  void deprecatedAndUnstableEnumValuesAreRefused() {
    assertEquals("Deprecated value drei disabled by policy",
        refused(REJECT, "test-compat", "{\"arg\": {\"plain\": 1, \"e\": \"drei\"}}"));
    assertEquals("Unstable value vier disabled by policy",
        refused(REJECT, "test-compat", "{\"arg\": {\"plain\": 1, \"e\": \"vier\"}}"));
    assertEquals("{\"plain\": 1, \"e\": \"zwei\"}", call(REJECT, "test-compat", "{\"arg\": {\"plain\": 1, \"e\": \"zwei\"}}"));
    // A union's discriminator is an enum value like any other.
    assertEquals("Deprecated value drei disabled by policy",
        refused(REJECT, "test-features0", "{\"fu1\": {\"tag\": \"drei\"}}"));
  }

  @Test
  void policyErrorsTakeTheirPlaceInQemusOrder() {
    // Members are checked in declaration order: a missing earlier member wins (QEMU: block-commit
    // without 'device' but with deprecated 'top' reports 'device').
    assertEquals("Parameter 'arg.plain' is missing", refused(REJECT, "test-compat", "{\"arg\": {\"old\": 2}}"));
    // The policy is checked before the value (QEMU: eject with 'device': 5).
    assertEquals("Deprecated parameter old disabled by policy",
        refused(REJECT, "test-compat", "{\"arg\": {\"plain\": 1, \"old\": \"two\"}}"));
    // ... and before unknown members are looked for.
    assertEquals("Deprecated parameter old disabled by policy",
        refused(REJECT, "test-compat", "{\"arg\": {\"plain\": 1, \"old\": 2, \"zzz\": 0}}"));
    // A mandatory deprecated member is refused whether or not it is there: QEMU's generated code
    // asks the policy before it looks.
    assertEquals("Deprecated parameter must disabled by policy", refused(REJECT, "test-compat-mandatory", "{}"));
    assertEquals("Deprecated parameter must disabled by policy",
        refused(REJECT, "test-compat-mandatory", "{\"must\": 1, \"other\": \"x\"}"));
    assertEquals("Parameter 'must' is missing", refused(CompatPolicy.DEFAULT, "test-compat-mandatory", "{}"));
  }

  @Test
  void hiddenMembersAreLeftOutOfResults() {
    String all = "{\"arg\": {\"plain\": 1, \"old\": 2, \"experimental\": \"x\", \"nested\": {\"foo\": 3}}}";
    assertEquals("{\"plain\": 1, \"experimental\": \"x\", \"nested\": {}}", call(HIDE_DEPRECATED, "test-compat", all));
    assertEquals("{\"plain\": 1, \"nested\": {\"foo\": 3}, \"old\": 2}", call(HIDE_UNSTABLE, "test-compat", all));
    assertEquals("{}", call(HIDE_DEPRECATED, "test-features0", "{}"));
    assertEquals("{\"foo\": 42}", call(CompatPolicy.DEFAULT, "test-features0", "{}"));
  }

  @Test
  void specialFeaturesWhoseConditionFailsDoNotCount() {
    QmpCommand cond = byName(COMMANDS, "test-command-cond-deprecated");
    assertEquals(0, cond.specialFeatures());
    assertEquals(CompatPolicy.DEPRECATED, byName(COMMANDS, "test-command-features1").specialFeatures());
    assertEquals(CompatPolicy.UNSTABLE, byName(COMMANDS, "test-command-features3").specialFeatures());
    Wire.Events sink = new Wire.Events();
    Features.Events events = new Features_Events_Emitter(sink);
    events.testEventFeatures1();
    events.testEventFeatures2();
    events.testEventCondDeprecated();
    assertEquals(List.of(CompatPolicy.DEPRECATED, CompatPolicy.UNSTABLE, 0),
        sink.raw.stream().map(e -> e.features()).toList());
  }

  @Test
  void theServerAppliesThePolicy() throws Exception {
    Path socket = dir.resolve("qmp.sock");
    QmpServer server = QmpServer.builder()
        .commands(new KitchenSink_Dispatch(new KitchenSinkImpl()))
        .compat(CompatPolicy.parse("deprecated-input=reject,unstable-input=reject,deprecated-output=hide"))
        .endpoint(QmpEndpoint.unix(socket))
        .build();
    server.start();
    try (LineClient qmp = LineClient.negotiated(socket)) {
      assertEquals("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Deprecated command test-command-features1"
          + " disabled by policy\"}}", qmp.call("{\"execute\": \"test-command-features1\"}"));
      assertEquals("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Unstable command test-command-features3"
          + " disabled by policy\"}}", qmp.call("{\"execute\": \"test-command-features3\"}"));
      // The policy comes after the command is found, before its arguments are read.
      assertEquals("{\"id\": 1, \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Deprecated command"
          + " test-command-features1 disabled by policy\"}}",
          qmp.call("{\"execute\": \"test-command-features1\", \"arguments\": {\"bogus\": 1}, \"id\": 1}"));
      assertEquals("{\"return\": {}}", qmp.call("{\"execute\": \"test-command-cond-deprecated\"}"));
      assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"Deprecated parameter old disabled by policy\"}}",
          qmp.call("{\"execute\": \"test-compat\", \"arguments\": {\"arg\": {\"plain\": 1, \"old\": 2}}}"));
      assertEquals("{\"return\": {}}", qmp.call("{\"execute\": \"test-features0\"}"));

      // Events: the deprecated one is not sent; members are hidden in event data as in results.
      Features.Events events = new Features_Events_Emitter(server.events());
      events.testEventFeatures1();
      events.testEventFeatures0(new Features.FeatureStruct1(5));
      events.testEventFeatures2();
      String first = qmp.line();
      assertTrue(first.matches("\\{\"timestamp\": \\{[^}]*\\}, \"event\": \"TEST_EVENT_FEATURES0\", \"data\": \\{\\}\\}"), first);
      String second = qmp.line();
      assertTrue(second.contains("\"event\": \"TEST_EVENT_FEATURES2\""), second);

      // Introspection hides what is deprecated.
      String reply = qmp.call("{\"execute\": \"query-qmp-schema\"}");
      JsonNode schema = new tools.jackson.databind.ObjectMapper().readTree(reply).get("return");
      Introspected hidden = new Introspected(schema.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertFalse(hidden.has("test-command-features1"));
      assertFalse(hidden.has("TEST_EVENT_FEATURES1"));
      assertTrue(hidden.has("test-command-features3")); // unstable: QEMU hides only deprecated things here
      assertEquals(List.of(), hidden.names(hidden.entry(hidden.entry("test-features0").get("ret-type").asString())));
      for (JsonNode e : schema) {
        assertFalse(e.has("values"), e::toString);
      }
    } finally {
      server.shutdown();
    }
  }
}
