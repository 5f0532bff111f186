package org.qapi4j.testschemas.kitchen;

import java.util.List;
import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Union;

/**
 * Conditions everywhere, after the {@code TEST_IF_*} part of QEMU's {@code qapi-schema-test.json}.
 * The kitchen sink is compiled with {@code -Aqapi4j.defined=TEST_IF_STRUCT,TEST_IF_ENUM,
 * TEST_IF_ENUM_BAR,TEST_IF_UNION,TEST_IF_ALT,TEST_IF_CMD,TEST_IF_EVT,TEST_IF_FEATURE_1,TEST_IF_COND_1}
 * (see its pom): every {@code *_BAR} but {@code TEST_IF_ENUM_BAR}, {@code TEST_IF_ENUM_BAZ},
 * {@code TEST_IF_NEVER} and the other feature symbols are not defined.
 */
public interface Conditions {
  /** A struct whose member {@code bar} does not exist in this configuration. */
  @If("TEST_IF_STRUCT")
  record TestIfStruct(long foo, @If("TEST_IF_STRUCT_BAR") long bar) {}

  /** {@code bar} exists, {@code baz} does not. */
  @If("TEST_IF_ENUM")
  enum TestIfEnum {
    FOO,
    @If("TEST_IF_ENUM_BAR") BAR,
    @If("TEST_IF_ENUM_BAZ") BAZ
  }

  record TestIfUnionBase(TestIfEnum type) {}

  /** Branch {@code bar} does not exist in this configuration, though enum value {@code bar} does. */
  @If(all = {"TEST_IF_UNION", "TEST_IF_STRUCT"})
  @Union(discriminator = "type")
  sealed interface TestIfUnion {
    record Foo(TestIfUnionBase base, Structs.TestStruct data) implements TestIfUnion {}

    @If("TEST_IF_UNION_BAR")
    record Bar(TestIfUnionBase base, Structs.UserDefZero data) implements TestIfUnion {}

    record Other(TestIfUnionBase base) implements TestIfUnion {}
  }

  /** Variant {@code bar} (an object) does not exist in this configuration. */
  @If(all = {"TEST_IF_ALT", "TEST_IF_STRUCT"})
  @Alternate
  sealed interface TestIfAlternate {
    record Foo(long value) implements TestIfAlternate {}

    @If("TEST_IF_ALT_BAR")
    record Bar(Structs.TestStruct value) implements TestIfAlternate {}
  }

  @If(all = {"TEST_IF_UNION", "TEST_IF_STRUCT"})
  @Command
  TestIfUnion testIfUnionCmd(TestIfUnion unionCmdArg);

  @If(all = {"TEST_IF_ALT", "TEST_IF_STRUCT"})
  @Command
  void testIfAlternateCmd(TestIfAlternate altCmdArg);

  /** Its argument {@code bar} does not exist in this configuration. */
  @If(all = {"TEST_IF_CMD", "TEST_IF_STRUCT"})
  @Command
  Structs.UserDefThree testIfCmd(TestIfStruct foo, @If("TEST_IF_CMD_BAR") @Optional TestIfEnum bar);

  /** Not in this configuration: not in the dispatch table, not in introspection. */
  @If("TEST_IF_NEVER")
  @Command
  void testIfNeverCmd();

  /**
   * QEMU's {@code 'data': 'TestIfStruct'} without {@code 'boxed'}: member {@code bar}, declared by
   * a parameter like the others, does not exist in this configuration (the condition is the
   * struct's): unexpected on the wire, zero in Java.
   */
  @If("TEST_IF_STRUCT")
  @Command(data = TestIfStruct.class)
  TestIfStruct testIfNamedCmd(long foo, long bar);

  /** The events with conditions. */
  interface Events {
    @If(all = {"TEST_IF_EVT", "TEST_IF_STRUCT"})
    @Event(name = "TEST_IF_EVENT")
    void testIfEvent(TestIfStruct foo, @If("TEST_IF_EVT_BAR") @Optional List<TestIfEnum> bar);

    /** QEMU's {@code {'not': {'any': [{'not': 'TEST_IF_EVT'}, {'not': 'TEST_IF_STRUCT'}]}}}. */
    @If(not = "any(not(TEST_IF_EVT), not(TEST_IF_STRUCT))")
    @Event(name = "TEST_IF_EVENT2")
    void testIfEvent2();

    /** Not in this configuration: never sent. */
    @If("TEST_IF_NEVER")
    @Event(name = "TEST_IF_NEVER_EVENT")
    void testIfNeverEvent(long x);
  }
}
