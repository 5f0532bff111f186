package org.qapi4j.testschemas.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.qapi4j.testschemas.kitchen.Wire.byName;
import static org.qapi4j.testschemas.kitchen.Wire.call;
import static org.qapi4j.testschemas.kitchen.Wire.error;
import static org.qapi4j.testschemas.kitchen.Wire.read;
import static org.qapi4j.testschemas.kitchen.Wire.write;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.testschemas.kitchen.Conditions.TestIfAlternate;
import org.qapi4j.testschemas.kitchen.Conditions.TestIfEnum;
import org.qapi4j.testschemas.kitchen.Conditions.TestIfStruct;
import org.qapi4j.testschemas.kitchen.Conditions.TestIfUnion;
import tools.jackson.databind.JsonNode;

/**
 * {@code @If} evaluated against the kitchen sink's configuration (its pom defines the symbols): what
 * fails is not on the wire, not in the dispatch table, not sent, not introspected.
 */
class ConditionsTest {
  private static final List<QmpCommand> COMMANDS = new KitchenSink_Dispatch(new KitchenSinkImpl()).commands();
  private static final Introspected SCHEMA = new Introspected(new KitchenSink_Dispatch(new KitchenSinkImpl()).introspection());

  @Test
  void commandsWhoseConditionFailsAreNotThere() {
    List<String> names = COMMANDS.stream().map(QmpCommand::name).toList();
    assertTrue(names.containsAll(List.of("test-if-union-cmd", "test-if-alternate-cmd", "test-if-cmd")), names::toString);
    assertFalse(names.contains("test-if-never-cmd"));
    assertFalse(SCHEMA.has("test-if-never-cmd"));
    assertTrue(SCHEMA.has("test-if-cmd"));
    assertFalse(SCHEMA.has("TEST_IF_NEVER_EVENT"));
    assertTrue(SCHEMA.has("TEST_IF_EVENT"));
    assertTrue(SCHEMA.has("TEST_IF_EVENT2")); // not(any(not(A), not(B))) with A and B defined
  }

  @Test
  void membersWhoseConditionFailsAreUnexpected() {
    TestIfStruct s = read("{\"foo\": 1}", KitchenSink_Marshal::readTestIfStruct);
    assertEquals(new TestIfStruct(1, 0), s);
    assertEquals("{\"foo\": 1}", write(new TestIfStruct(1, 42), KitchenSink_Marshal::writeTestIfStruct));
    assertEquals("Parameter 'bar' is unexpected",
        error(() -> read("{\"foo\": 1, \"bar\": 2}", KitchenSink_Marshal::readTestIfStruct)));
    assertEquals(List.of("foo"), SCHEMA.names(SCHEMA.memberType(SCHEMA.argType("test-if-cmd"), "foo")));
    // A command's argument likewise.
    QmpCommand cmd = byName(COMMANDS, "test-if-cmd");
    assertEquals("{\"string0\": \"7 null\"}", call(cmd, "{\"foo\": {\"foo\": 7}}"));
    assertEquals("Parameter 'bar' is unexpected", error(() -> call(cmd, "{\"foo\": {\"foo\": 7}, \"bar\": \"foo\"}")));
    assertEquals(List.of("foo"), SCHEMA.names(SCHEMA.argType("test-if-cmd")));
  }

  @Test
  void enumValuesWhoseConditionFailsAreRefused() {
    Wire.Reader<TestIfEnum> reader = (p, path) -> KitchenSink_Marshal.TEST_IF_ENUM.read(p, "e", "e");
    assertEquals(TestIfEnum.BAR, read("\"bar\"", reader));
    assertEquals("Parameter 'e' does not accept value 'baz'", error(() -> read("\"baz\"", reader)));
    assertEquals("\"bar\"", write(TestIfEnum.BAR, KitchenSink_Marshal.TEST_IF_ENUM::write));
    IllegalArgumentException absent =
        assertThrows(IllegalArgumentException.class, () -> write(TestIfEnum.BAZ, KitchenSink_Marshal.TEST_IF_ENUM::write));
    assertEquals("BAZ of TestIfEnum does not exist in this configuration (its @If condition fails)", absent.getMessage());
    JsonNode union = SCHEMA.memberType(SCHEMA.argType("test-if-union-cmd"), "union-cmd-arg");
    JsonNode tag = SCHEMA.memberType(union, "type");
    assertEquals("[\"foo\",\"bar\"]", tag.get("values").toString());
  }

  @Test
  void unionBranchesWhoseConditionFailsAreRefused() {
    TestIfUnion foo = read("{\"type\": \"foo\", \"integer\": 1, \"boolean\": true, \"string\": \"s\"}",
        KitchenSink_Marshal::readTestIfUnion);
    assertEquals(new TestIfUnion.Foo(new Conditions.TestIfUnionBase(TestIfEnum.FOO),
        new Structs.TestStruct(1, true, "s")), foo);
    // Value 'bar' exists, its branch does not: refused (QEMU's generated code would abort()).
    assertEquals("Parameter 'type' does not accept value 'bar'",
        error(() -> read("{\"type\": \"bar\", \"integer\": 1}", KitchenSink_Marshal::readTestIfUnion)));
    assertEquals("Parameter 'type' does not accept value 'baz'",
        error(() -> read("{\"type\": \"baz\"}", KitchenSink_Marshal::readTestIfUnion)));
    assertThrows(IllegalArgumentException.class, () -> write(new TestIfUnion.Bar(
        new Conditions.TestIfUnionBase(TestIfEnum.BAR), new Structs.UserDefZero(1)), KitchenSink_Marshal::writeTestIfUnion));
    JsonNode union = SCHEMA.argType("test-if-union-cmd");
    JsonNode arg = SCHEMA.memberType(union, "union-cmd-arg");
    assertEquals(1, arg.get("variants").size());
    assertEquals("foo", arg.get("variants").get(0).get("case").asString());
  }

  @Test
  void alternateVariantsWhoseConditionFailsMatchNothing() {
    Wire.Reader<TestIfAlternate> reader = (p, path) -> KitchenSink_Marshal.readTestIfAlternate(p, "alt-cmd-arg", "alt-cmd-arg");
    assertEquals(new TestIfAlternate.Foo(5), read("5", reader));
    assertEquals("Invalid parameter type for 'alt-cmd-arg', expected: TestIfAlternate",
        error(() -> read("{\"integer\": 1, \"boolean\": true, \"string\": \"s\"}", reader)));
    assertThrows(IllegalArgumentException.class, () -> write(
        new TestIfAlternate.Bar(new Structs.TestStruct(1, true, "s")), KitchenSink_Marshal::writeTestIfAlternate));
    JsonNode alt = SCHEMA.memberType(SCHEMA.argType("test-if-alternate-cmd"), "alt-cmd-arg");
    assertEquals(1, alt.get("members").size());
    assertEquals("int", alt.get("members").get(0).get("type").asString());
  }

  @Test
  void eventsAndEventMembersWhoseConditionFailsAreNotSent() {
    Wire.Events sink = new Wire.Events();
    Conditions.Events events = new Conditions_Events_Emitter(sink);
    events.testIfEvent(new TestIfStruct(1, 2), List.of(TestIfEnum.FOO));
    events.testIfEvent2();
    events.testIfNeverEvent(3);
    assertEquals(List.of("TEST_IF_EVENT {\"foo\": {\"foo\": 1}}", "TEST_IF_EVENT2"), sink.sent);
    assertEquals(List.of("foo"), SCHEMA.names(SCHEMA.argType("TEST_IF_EVENT")));
  }
}
