package org.qapi4j.testschemas.kitchen;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;
import org.qapi4j.testschemas.kitchen.Structs.Empty1;
import org.qapi4j.testschemas.kitchen.Structs.EnumOne;
import org.qapi4j.testschemas.kitchen.Structs.UserDefOne;
import org.qapi4j.testschemas.kitchen.Structs.UserDefZero;

/**
 * The kitchen sink: every construct of QAPI in its Java form, after QEMU's
 * {@code qapi-schema-test.json} — structs, enums, arrays and every built-in ({@link Structs}),
 * unions with every kind of branch ({@link Unions}), alternates of every JSON type
 * ({@link Alternates}), downstream names ({@link Downstream}), conditions ({@link Conditions}) and
 * features ({@link Features}) everywhere, commands of every kind and events with and without
 * data. It is compiled by the processor in the build, with the {@code @If} symbols its pom defines;
 * its tests are the round trips and error texts of the generated code.
 */
@Schema(
    value = "kitchen-sink",
    events = {KitchenSink.Events.class, Downstream.Events.class, Conditions.Events.class, Features.Events.class},
    commandNameExceptions = "user_def_cmd",
    commandReturnsExceptions = {"guest-get-time", "guest-sync", "hand-written"},
    memberNameExceptions = "UserDefA",
    types = Structs.MyEnum.class)
public interface KitchenSink extends Structs, Unions, Alternates, Downstream, Conditions, Features {
  record EventStructOne(UserDefOne struct1, String string, @Optional EnumOne enum2) {}

  /** Emits every event of {@link Events}, for the tests. */
  @Command
  void emitEvents();

  /** Events with and without data, after QEMU's {@code EVENT_A} ... {@code EVENT_G}. */
  interface Events {
    /** No data. */
    @Event(name = "EVENT_A")
    void eventA();

    /** QEMU's {@code 'data': {}}: no data either. */
    @Event(name = "EVENT_B")
    void eventB();

    @Event(name = "EVENT_C")
    void eventC(@Optional Long a, @Optional UserDefOne b, String c);

    @Event(name = "EVENT_D")
    void eventD(EventStructOne a, String b, @Optional String c, @Optional EnumOne enum3);

    /**
     * QEMU's {@code 'data': 'UserDefZero'}, written boxed: the wire and the introspection are those
     * of {@code @Event(data = UserDefZero.class) void eventE(long integer)} (see {@link #eventH}).
     */
    @Event(name = "EVENT_E", boxed = true)
    void eventE(UserDefZero data);

    /** Data given by a union. */
    @Event(name = "EVENT_F", boxed = true)
    void eventF(Unions.UserDefFlatUnion data);

    /** Data given by an empty struct. */
    @Event(name = "EVENT_G", boxed = true)
    void eventG(Empty1 data);

    /**
     * QEMU's {@code 'data': 'TestStruct'} without {@code 'boxed'}: the data is TestStruct's members,
     * declared one by one, one of them renamed; introspection names TestStruct.
     */
    @Event(name = "EVENT_H", data = Structs.TestStruct.class)
    void eventH(long integer, @Name("boolean") boolean flag, String string);
  }
}
