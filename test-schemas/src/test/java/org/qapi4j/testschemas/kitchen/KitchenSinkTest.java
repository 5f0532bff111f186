package org.qapi4j.testschemas.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.QNull;
import org.qapi4j.runtime.QType;
import org.qapi4j.runtime.ReplyWriter;
import org.qapi4j.runtime.json.QmpJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * Round trips through the code the processor generated for the kitchen sink: JSON in, Java, JSON
 * out as QEMU prints it; and every invalid input answered with QEMU's text.
 */
class KitchenSinkTest {
  private static <T> T read(String json, BiFunction<JsonParser, String, T> reader) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    JsonParser p = QmpJson.parser(bytes, 0, bytes.length);
    p.nextToken();
    return reader.apply(p, null);
  }

  private static <T> String write(T value, BiConsumer<JsonGenerator, T> writer) {
    String s = new String(QmpJson.message(g -> writer.accept(g, value)), StandardCharsets.UTF_8);
    return s.substring(0, s.length() - 2);
  }

  private static String error(Runnable r) {
    return assertThrows(QmpError.class, r::run).desc();
  }

  private static final String INTEGERS =
      "{\"i8\": -128, \"i16\": -32768, \"i32\": -2147483648, \"i64\": -9223372036854775808, \"u8\": 255,"
          + " \"u16\": 65535, \"u32\": 4294967295, \"u64\": 18446744073709551615, \"sz\": 18446744073709551615,"
          + " \"boxed-u8\": 0, \"u32s\": [0, 4294967295], \"number\": 0.1, \"flag\": true}";

  @Test
  void integersAtTheirLimits() {
    KitchenSink.Integers v = read(INTEGERS, KitchenSink_Marshal::readIntegers);
    assertEquals(-1L, v.u64()); // uint64 in a long: the same 64 bits
    assertEquals(255, v.u8());
    // QEMU's member order (its QDict's, computed independently by a script), QEMU's double format.
    assertEquals(
        "{\"sz\": 18446744073709551615, \"boxed-u8\": 0, \"u8\": 255, \"i32\": -2147483648,"
            + " \"i64\": -9223372036854775808, \"u16\": 65535, \"number\": 0.10000000000000001, \"i8\": -128,"
            + " \"u32\": 4294967295, \"u64\": 18446744073709551615, \"u32s\": [0, 4294967295], \"i16\": -32768,"
            + " \"flag\": true}",
        write(v, KitchenSink_Marshal::writeIntegers));
  }

  @Test
  void integersOutOfRange() {
    assertEquals("Parameter 'u8' expects uint8_t",
        error(() -> read(INTEGERS.replace("\"u8\": 255", "\"u8\": 256"), KitchenSink_Marshal::readIntegers)));
    assertEquals("Parameter 'i8' expects int8_t",
        error(() -> read(INTEGERS.replace("\"i8\": -128", "\"i8\": -129"), KitchenSink_Marshal::readIntegers)));
    assertEquals("Parameter 'u64' expects uint64_t",
        error(() -> read(INTEGERS.replace("\"u64\": 18446744073709551615", "\"u64\": -5"), KitchenSink_Marshal::readIntegers)));
    assertEquals("Invalid parameter type for 'sz', expected: integer",
        error(() -> read(INTEGERS.replace("\"sz\": 18446744073709551615", "\"sz\": 18446744073709551616"),
            KitchenSink_Marshal::readIntegers)));
    // QEMU names a list element 'null' here; qapi4j names its path.
    assertEquals("Parameter 'u32s[1]' expects uint32_t",
        error(() -> read(INTEGERS.replace("4294967295]", "4294967296]"), KitchenSink_Marshal::readIntegers)));
    assertEquals("Invalid parameter type for 'number', expected: number",
        error(() -> read(INTEGERS.replace("0.1", "\"0.1\""), KitchenSink_Marshal::readIntegers)));
  }

  @Test
  void basesAreFlattenedBaseFirst() {
    String json = "{\"integer\": 1, \"string\": \"s\", \"items\": [{\"integer\": 2, \"string\": \"t\", \"enum1\": \"3\"}]}";
    KitchenSink.UserDefTwo two = read(json, KitchenSink_Marshal::readUserDefTwo);
    assertEquals(
        new KitchenSink.UserDefTwo(
            new KitchenSink.UserDefOne(new KitchenSink.UserDefZero(1), "s", null),
            List.of(new KitchenSink.UserDefOne(new KitchenSink.UserDefZero(2), "t", KitchenSink.EnumOne.VALUE3))),
        two);
    assertEquals("{\"integer\": 1, \"items\": [{\"integer\": 2, \"enum1\": \"3\", \"string\": \"t\"}], \"string\": \"s\"}",
        write(two, KitchenSink_Marshal::writeUserDefTwo));
  }

  @Test
  void errorsNameNestedMembersAsQemuDoes() {
    assertEquals("Parameter 'integer' is missing",
        error(() -> read("{\"string\": \"s\", \"items\": []}", KitchenSink_Marshal::readUserDefTwo)));
    assertEquals("Invalid parameter type for 'items[1].string', expected: string",
        error(() -> read("{\"integer\": 1, \"string\": \"s\", \"items\": [{\"integer\": 2, \"string\": \"t\"},"
            + " {\"integer\": 3, \"string\": 4}]}", KitchenSink_Marshal::readUserDefTwo)));
    assertEquals("Parameter 'enum1' does not accept value 'value9'",
        error(() -> read("{\"integer\": 1, \"string\": \"s\", \"enum1\": \"value9\"}", KitchenSink_Marshal::readUserDefOne)));
    assertEquals("Parameter 'extra' is unexpected",
        error(() -> read("{\"integer\": 1, \"string\": \"s\", \"extra\": null}", KitchenSink_Marshal::readUserDefOne)));
    // The first problem in declaration order wins, whatever the input order.
    assertEquals("Parameter 'string' is missing",
        error(() -> read("{\"enum1\": 5, \"integer\": 1}", KitchenSink_Marshal::readUserDefOne)));
  }

  @Test
  void commandsThroughTheDispatchTable() {
    KitchenSink impl = new KitchenSinkImpl();
    List<QmpCommand> commands = new KitchenSink_Dispatch(impl).commands();
    assertEquals(List.of("test-if-union-cmd", "test-if-alternate-cmd", "test-if-cmd", "test-cmd-return-def-three",
        "test-features0", "test-command-features1", "test-command-features3", "test-command-cond-features1",
        "test-command-cond-features2", "test-command-cond-deprecated", "test-compat", "test-compat-mandatory",
        "echo-builtins", "user-def-cmd2", "echo-union", "boxed-union", "echo-integers", "user_def_cmd", "guest-get-time", "guest-sync",
        "oob-command", "coroutine-command", "boxed-struct"), commands.stream().map(QmpCommand::name).toList());
    assertEquals(QmpCommand.ALLOW_OOB | QmpCommand.ALLOW_PRECONFIG, byName(commands, "oob-command").flags());
    assertEquals(QmpCommand.NO_SUCCESS_RESPONSE, byName(commands, "guest-sync").flags());
    assertEquals("{\"integer\": 7, \"items\": [], \"string\": \"s\"}",
        call(byName(commands, "user-def-cmd2"), "{\"one\": {\"integer\": 7, \"string\": \"s\"}}"));
    assertEquals("42", call(byName(commands, "guest-get-time"), "{\"a\": 40, \"b\": 2}"));
    assertEquals("{\"integer\": 1, \"string\": \"x\"}", call(byName(commands, "boxed-struct"), "{\"integer\": 1, \"string\": \"x\"}"));
    assertEquals("{}", call(byName(commands, "user_def_cmd"), null));
    assertEquals("Parameter 'one' is missing", error(() -> call(byName(commands, "user-def-cmd2"), "{}")));
    assertEquals("Parameter 'one.string' is missing", error(() -> call(byName(commands, "user-def-cmd2"), "{\"one\": {\"integer\": 7}}")));
    assertEquals("Parameter 'id' expects uint32_t", error(() -> call(byName(commands, "guest-sync"), "{\"id\": -1}")));
  }

  @Test
  void unionsReadTheirBaseThenTheirBranch() {
    KitchenSink.UserDefUnion one = read("{\"one\": \"x\", \"kind\": \"one\"}", KitchenSink_Marshal::readUserDefUnion);
    assertEquals(new KitchenSink.UserDefUnion.One(new KitchenSink.UnionBase(KitchenSink.EnumKind.ONE, null),
        new KitchenSink.BranchOne("x")), one);
    assertEquals("{\"one\": \"x\", \"kind\": \"one\"}", write(one, KitchenSink_Marshal::writeUserDefUnion));
    KitchenSink.UserDefUnion two =
        read("{\"kind\": \"two\", \"name\": \"n\", \"two\": 2, \"integer\": 1}", KitchenSink_Marshal::readUserDefUnion);
    assertEquals(new KitchenSink.UserDefUnion.Two(new KitchenSink.UnionBase(KitchenSink.EnumKind.TWO, "n"),
        new KitchenSink.BranchTwo(new KitchenSink.UserDefZero(1), 2)), two);
    // A value without a branch: the base alone.
    KitchenSink.UserDefUnion three = read("{\"kind\": \"three\"}", KitchenSink_Marshal::readUserDefUnion);
    assertEquals(new KitchenSink.UserDefUnion.Other(new KitchenSink.UnionBase(KitchenSink.EnumKind.THREE, null)), three);
    assertEquals("{\"kind\": \"three\"}", write(three, KitchenSink_Marshal::writeUserDefUnion));
  }

  @Test
  void unionErrorsAsQemu() {
    assertEquals("Parameter 'kind' is missing", error(() -> read("{\"one\": \"x\"}", KitchenSink_Marshal::readUserDefUnion)));
    assertEquals("Parameter 'kind' does not accept value 'four'",
        error(() -> read("{\"kind\": \"four\"}", KitchenSink_Marshal::readUserDefUnion)));
    assertEquals("Parameter 'one' is missing", error(() -> read("{\"kind\": \"one\"}", KitchenSink_Marshal::readUserDefUnion)));
    assertEquals("Parameter 'two' is unexpected",
        error(() -> read("{\"kind\": \"one\", \"one\": \"x\", \"two\": 2}", KitchenSink_Marshal::readUserDefUnion)));
    assertEquals("Parameter 'one' is unexpected",
        error(() -> read("{\"kind\": \"three\", \"one\": \"x\"}", KitchenSink_Marshal::readUserDefUnion)));
    // A variant whose discriminator says another branch is the application's bug, not the client's.
    assertThrows(IllegalArgumentException.class, () -> write(new KitchenSink.UserDefUnion.One(
        new KitchenSink.UnionBase(KitchenSink.EnumKind.TWO, null), new KitchenSink.BranchOne("x")),
        KitchenSink_Marshal::writeUserDefUnion));
  }

  @Test
  void alternatesFollowTheJsonType() {
    BiFunction<JsonParser, String, KitchenSink.AltAll> reader = (p, path) -> KitchenSink_Marshal.readAltAll(p, "alt", "alt");
    assertEquals(new KitchenSink.AltAll.Num(5), read("5", reader));
    assertEquals(new KitchenSink.AltAll.Flag(true), read("true", reader));
    assertEquals(new KitchenSink.AltAll.Obj(new KitchenSink.UserDefZero(3)), read("{\"integer\": 3}", reader));
    assertEquals(new KitchenSink.AltAll.Items(List.of(1L, 2L)), read("[1, 2]", reader));
    assertEquals("[1, 2]", write(new KitchenSink.AltAll.Items(List.of(1L, 2L)), KitchenSink_Marshal::writeAltAll));
    assertEquals("Invalid parameter type for 'alt', expected: AltAll", error(() -> read("\"x\"", reader)));
    assertEquals("Invalid parameter type for 'alt', expected: integer", error(() -> read("1.5", reader)));
    BiFunction<JsonParser, String, KitchenSink.AltEnumUnion> other = (p, path) -> KitchenSink_Marshal.readAltEnumUnion(p, "o", "o");
    assertEquals(new KitchenSink.AltEnumUnion.Kind(KitchenSink.EnumKind.TWO), read("\"two\"", other));
    assertEquals("{\"kind\": \"three\"}",
        write(read("{\"kind\": \"three\"}", other), KitchenSink_Marshal::writeAltEnumUnion));
  }

  @Test
  void builtinsWithoutAJavaPrimitive() {
    String json = "{\"type\": \"qdict\", \"types\": [\"qnull\", \"qbool\"], \"nothing\": null,"
        + " \"anything\": {\"b\": [1, \"x\", null, 2.5], \"a\": {}}}";
    KitchenSink.Builtins b = read(json, KitchenSink_Marshal::readBuiltins);
    assertEquals(QType.QDICT, b.type());
    assertEquals(List.of(QType.QNULL, QType.QBOOL), b.types());
    assertEquals(QNull.INSTANCE, b.nothing());
    assertEquals(null, b.maybe());
    assertEquals(QType.QDICT, QType.of(b.anything()));
    // QEMU's order; 'any' printed as QEMU prints what it holds: its own members in QDict order.
    assertEquals("{\"nothing\": null, \"anything\": {\"a\": {}, \"b\": [1, \"x\", null, 2.5]}, \"type\": \"qdict\","
        + " \"types\": [\"qnull\", \"qbool\"]}", write(b, KitchenSink_Marshal::writeBuiltins));
    KitchenSink.Builtins maybe = read("{\"type\": \"none\", \"nothing\": null, \"maybe\": null, \"anything\": 1}",
        KitchenSink_Marshal::readBuiltins);
    assertEquals(QNull.INSTANCE, maybe.maybe());
    assertEquals("{\"nothing\": null, \"anything\": 1, \"type\": \"none\", \"maybe\": null}",
        write(maybe, KitchenSink_Marshal::writeBuiltins));
  }

  @Test
  void builtinErrorsAsQemu() {
    assertEquals("Parameter 'type' does not accept value 'qfloat'",
        error(() -> read("{\"type\": \"qfloat\", \"nothing\": null, \"anything\": 1}", KitchenSink_Marshal::readBuiltins)));
    assertEquals("Invalid parameter type for 'type', expected: string",
        error(() -> read("{\"type\": 1, \"nothing\": null, \"anything\": 1}", KitchenSink_Marshal::readBuiltins)));
    assertEquals("Invalid parameter type for 'nothing', expected: null",
        error(() -> read("{\"type\": \"none\", \"nothing\": 0, \"anything\": 1}", KitchenSink_Marshal::readBuiltins)));
    assertEquals("Invalid parameter type for 'types[1]', expected: string",
        error(() -> read("{\"type\": \"none\", \"types\": [\"qnum\", null], \"nothing\": null, \"anything\": 1}",
            KitchenSink_Marshal::readBuiltins)));
    // qmp/missing-any-arg: an 'any' member is mandatory like any other.
    assertEquals("Parameter 'anything' is missing",
        error(() -> read("{\"type\": \"none\", \"nothing\": null}", KitchenSink_Marshal::readBuiltins)));
  }


  private static QmpCommand byName(List<QmpCommand> commands, String name) {
    return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static String call(QmpCommand command, String arguments) {
    JsonParser p = null;
    if (arguments != null) {
      byte[] bytes = arguments.getBytes(StandardCharsets.UTF_8);
      p = QmpJson.parser(bytes, 0, bytes.length);
    }
    ReplyWriter reply = command.handler().invoke(p);
    String s = new String(QmpJson.message(reply::write), StandardCharsets.UTF_8);
    return s.substring(0, s.length() - 2);
  }
}
