package org.qapi4j.testschemas.kitchen;

import java.util.List;
import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Type;
import org.qapi4j.runtime.QNull;
import org.qapi4j.runtime.QType;
import org.qapi4j.runtime.json.JsonValue;

/**
 * Structs, enums, arrays and built-ins, and commands of every kind, after QEMU's
 * {@code qapi-schema-test.json}.
 */
public interface Structs {
  /** A struct with a member named after a built-in type. */
  record TestStruct(long integer, @Name("boolean") boolean flag, String string) {}

  record UserDefZero(long integer) {}

  enum EnumOne {
    VALUE1,
    VALUE2,
    VALUE3,
    VALUE4
  }

  /** A base: UserDefZero's members come first on the wire. */
  record UserDefOne(@Base UserDefZero base, String string, @Optional EnumOne enum1) {}

  record UserDefTwoDictDict(UserDefOne userdef, String string) {}

  record UserDefTwoDict(String string1, UserDefTwoDictDict dict2, @Optional UserDefTwoDictDict dict3) {}

  /** Structs nested three deep. */
  record UserDefTwo(String string0, UserDefTwoDict dict1) {}

  record UserDefThree(String string0) {}

  record NestedEnumsOne(EnumOne enum1, @Optional EnumOne enum2, EnumOne enum3, @Optional EnumOne enum4) {}

  /** An empty enum, unusual but valid. */
  enum MyEnum {}

  record Empty1() {}

  /** An empty struct with an empty base. */
  record Empty2(@Base Empty1 base) {}

  /** QEMU gives this enum a C prefix ({@code 'prefix': 'QENUM_TWO'}), which Java has no use for. */
  enum QEnumTwo {
    VALUE1,
    VALUE2
  }

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

  /** Optional lists and scalars of integer types. */
  record UserDefOptions(
      @Optional List<Long> i64,
      @Optional @Type("uint64") List<Long> u64,
      @Optional @Type("uint16") List<Integer> u16,
      @Optional Long i64x,
      @Optional @Type("uint64") Long u64x) {}

  /** Arrays nested through structs (QAPI has no array of arrays). */
  record Row(List<Long> cells, @Optional List<EnumOne> tags) {}

  record Grid(List<Row> rows, @Optional List<UserDefTwo> deep) {}

  /** The built-ins without a Java primitive: QAPI's null, any and the predefined enum QType. */
  record Builtins(
      QType type, @Optional List<QType> types, QNull nothing, @Optional QNull maybe, JsonValue anything,
      @Optional List<JsonValue> anythings) {}

  @Command(name = "user_def_cmd")
  void userDefCmd();

  /**
   * QEMU's {@code 'data': 'Empty2'}, written boxed: the wire and the introspection are those of
   * {@code @Command(data = Empty2.class) Empty2 userDefCmd0()} (see {@link #echoUserDefOne}).
   */
  @Command(boxed = true)
  Empty2 userDefCmd0(Empty2 data);

  @Command
  void userDefCmd1(UserDefOne ud1a);

  @Command
  UserDefTwo userDefCmd2(UserDefOne ud1a, @Optional UserDefOne ud1b);

  @Command
  Integers echoIntegers(Integers integers);

  @Command(boxed = true)
  UserDefOptions echoOptions(UserDefOptions options);

  @Command(boxed = true)
  NestedEnumsOne echoEnums(NestedEnumsOne enums);

  @Command
  Grid echoGrid(Grid grid);

  @Command
  Builtins echoBuiltins(Builtins b);

  @Command(successResponse = false)
  void cmdSuccessResponse();

  @Command(coroutine = true)
  void coroutineCmd();

  @Command(allowOob = true, allowPreconfig = true)
  void testFlagsCommand();

  /** Returns an integer (pragma command-returns-exceptions). */
  @Command
  long guestGetTime(long a, @Optional Long b);

  /** Takes and returns anything (pragma command-returns-exceptions). */
  @Command
  JsonValue guestSync(JsonValue arg);

  @Command(boxed = true)
  void boxedStruct(UserDefZero arg);

  @Command(boxed = true)
  void boxedEmpty(Empty1 arg);

  @Command
  UserDefThree testCmdReturnDefThree();

  /**
   * {@code 'gen': false}: in the schema and its introspection, not in the generated dispatch table;
   * the application registers its own handler with the server.
   */
  @Command(gen = false)
  default JsonValue handWritten(@Optional JsonValue anything) {
    throw new UnsupportedOperationException("registered by hand");
  }

  /**
   * QEMU's {@code 'data': 'UserDefOne'} without {@code 'boxed'}: the arguments are UserDefOne's
   * members, its base's first, declared one by one; introspection names UserDefOne.
   */
  @Command(data = UserDefOne.class)
  UserDefOne echoUserDefOne(long integer, String string, @Optional EnumOne enum1);

  /** A named struct's optional lists and integer types ({@code @Type}), declared one by one. */
  @Command(data = UserDefOptions.class)
  UserDefOptions echoOptionMembers(
      @Optional List<Long> i64,
      @Optional @Type("uint64") List<Long> u64,
      @Optional @Type("uint16") List<Integer> u16,
      @Optional Long i64x,
      @Optional @Type("uint64") Long u64x);
}
