package org.qapi4j.testschemas.kitchen;

import java.util.List;
import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Type;
import org.qapi4j.annotations.Union;
import org.qapi4j.runtime.QNull;
import org.qapi4j.runtime.QType;
import org.qapi4j.runtime.json.JsonValue;

/**
 * The kitchen sink: every construct of the Java form of QAPI that qapi4j implements so far, after
 * QEMU's {@code qapi-schema-test.json}. It grows with the type system; its round trips are in
 * {@code KitchenSinkTest}.
 */
@Schema(
    value = "kitchen-sink",
    events = {KitchenSink.Events.class, Conditions.Events.class, Features.Events.class},
    commandNameExceptions = "user_def_cmd",
    commandReturnsExceptions = {"guest-get-time", "echo-sizes"},
    memberNameExceptions = "UserDefA")
public interface KitchenSink extends Conditions, Features {
  /** An enum with a value named explicitly (a digit cannot start a Java constant). */
  enum EnumOne {
    VALUE1,
    VALUE2,
    @Name("3") VALUE3
  }

  /** A struct with a member name QEMU allows only under member-name-exceptions. */
  record UserDefA(@Name("boolean") boolean flag, @Name("a_b") @Optional Long aB) {}

  /** A struct with a base: UserDefOne's members come first on the wire. */
  record UserDefZero(long integer) {}

  record UserDefOne(@Base UserDefZero base, String string, @Optional EnumOne enum1) {}

  /** Two levels of base. */
  record UserDefTwo(@Base UserDefOne base, List<UserDefOne> items) {}

  /** Every integer type, each in the narrowest Java type that holds it. */
  record Integers(
      byte i8,
      short i16,
      int i32,
      @Type("int64") long i64,
      @Type("uint8") short u8,
      @Type("uint16") int u16,
      @Type("uint32") long u32,
      @Type("uint64") long u64,
      @Type("size") long sz,
      @Type("uint8") Integer boxedU8,
      @Type("uint32") List<Long> u32s,
      double number,
      boolean flag) {}

  /** The discriminator of UserDefUnion. */
  enum EnumKind {
    ONE,
    TWO,
    THREE
  }

  record UnionBase(EnumKind kind, @Optional String name) {}

  record BranchOne(String one) {}

  record BranchTwo(@Base UserDefZero base, long two) {}

  /** A union: a branch for 'one' and 'two', none for 'three'. */
  @Union(discriminator = "kind")
  sealed interface UserDefUnion {
    record One(UnionBase base, BranchOne data) implements UserDefUnion {}

    record Two(UnionBase base, BranchTwo data) implements UserDefUnion {}

    record Other(UnionBase base) implements UserDefUnion {}
  }

  /** An alternate of object, number, boolean and array (a string would clash with number and boolean). */
  @Alternate
  sealed interface AltAll {
    record Obj(UserDefZero value) implements AltAll {}

    record Num(long value) implements AltAll {}

    record Flag(boolean value) implements AltAll {}

    record Items(List<Long> value) implements AltAll {}
  }

  /** An alternate of an enum and a union. */
  @Alternate
  sealed interface AltEnumUnion {
    record Kind(EnumKind value) implements AltEnumUnion {}

    @Name("u")
    record TheUnion(UserDefUnion value) implements AltEnumUnion {}
  }

  /** The built-ins without a Java primitive: QAPI's null, any and the predefined enum QType. */
  record Builtins(
      QType type, @Optional List<QType> types, QNull nothing, @Optional QNull maybe, JsonValue anything) {}

  @Command
  Builtins echoBuiltins(Builtins b);

  @Command
  UserDefTwo userDefCmd2(UserDefOne one, @Optional UserDefA a);

  @Command
  UserDefUnion echoUnion(UserDefUnion union, @Optional AltAll alt, @Optional AltEnumUnion other);

  @Command(boxed = true)
  UserDefUnion boxedUnion(UserDefUnion union);

  @Command
  Integers echoIntegers(Integers integers);

  @Command(name = "user_def_cmd")
  void userDefCmd();

  @Command
  long guestGetTime(long a, @Optional Long b);

  @Command(successResponse = false)
  void guestSync(@Type("uint32") long id);

  @Command(allowOob = true, allowPreconfig = true)
  void oobCommand();

  @Command(coroutine = true)
  void coroutineCommand();

  @Command(boxed = true)
  UserDefOne boxedStruct(UserDefOne arg);

  interface Events {
    @Event
    void eventA();

    @Event
    void eventB(UserDefOne one, @Optional EnumOne e);

    @Event(name = "__ORG.QEMU_X-EVENT")
    void orgQemuXEvent(@Type("size") long size);

    @Event(boxed = true)
    void eventBoxed(UserDefTwo data);
  }
}
