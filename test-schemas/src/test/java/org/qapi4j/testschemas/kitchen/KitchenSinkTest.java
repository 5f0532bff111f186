package org.qapi4j.testschemas.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.qapi4j.testschemas.kitchen.Wire.error;
import static org.qapi4j.testschemas.kitchen.Wire.read;
import static org.qapi4j.testschemas.kitchen.Wire.write;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qapi4j.runtime.QNull;
import org.qapi4j.runtime.QType;
import org.qapi4j.testschemas.kitchen.Alternates.AllAlternates;
import org.qapi4j.testschemas.kitchen.Alternates.AltEnumBool;
import org.qapi4j.testschemas.kitchen.Alternates.AltEnumNum;
import org.qapi4j.testschemas.kitchen.Alternates.AltEveryType;
import org.qapi4j.testschemas.kitchen.Alternates.AltNumEnum;
import org.qapi4j.testschemas.kitchen.Alternates.UserDefAlternate;
import org.qapi4j.testschemas.kitchen.Structs.EnumOne;
import org.qapi4j.testschemas.kitchen.Structs.UserDefOne;
import org.qapi4j.testschemas.kitchen.Structs.UserDefZero;
import org.qapi4j.testschemas.kitchen.Unions.UserDefFlatUnion;
import org.qapi4j.testschemas.kitchen.Unions.UserDefUnionBase;
import tools.jackson.core.JsonGenerator;

/**
 * Round trips through the code the processor generated for the kitchen sink — JSON in, Java, JSON
 * out as QEMU prints it (member order and number format included) — and every kind of invalid
 * input answered with QEMU 7.2's text.
 */
class KitchenSinkTest {
  private static <T> Arguments rt(String type, Wire.Reader<T> reader, BiConsumer<JsonGenerator, T> writer, String json) {
    return Arguments.of(type + " " + json, reader, writer, json);
  }

  /** Each input is written in QEMU's order (its QDict's, computed by an independent script). */
  static Stream<Arguments> roundTrips() {
    return Stream.of(
        rt("TestStruct", KitchenSink_Marshal::readTestStruct, KitchenSink_Marshal::writeTestStruct,
            "{\"integer\": 42, \"boolean\": true, \"string\": \"foo\"}"),
        rt("UserDefOne", KitchenSink_Marshal::readUserDefOne, KitchenSink_Marshal::writeUserDefOne,
            "{\"integer\": 1, \"enum1\": \"value3\", \"string\": \"s\"}"),
        rt("UserDefOne", KitchenSink_Marshal::readUserDefOne, KitchenSink_Marshal::writeUserDefOne,
            "{\"integer\": -1, \"string\": \"\"}"),
        rt("UserDefTwo", KitchenSink_Marshal::readUserDefTwo, KitchenSink_Marshal::writeUserDefTwo,
            "{\"string0\": \"s0\", \"dict1\": {\"dict3\": {\"string\": \"w\", \"userdef\": {\"integer\": 43, \"enum1\": \"value1\", \"string\": \"z\"}}, \"dict2\": {\"string\": \"y\", \"userdef\": {\"integer\": 42, \"string\": \"x\"}}, \"string1\": \"s1\"}}"),
        rt("UserDefTwo", KitchenSink_Marshal::readUserDefTwo, KitchenSink_Marshal::writeUserDefTwo,
            "{\"string0\": \"s0\", \"dict1\": {\"dict2\": {\"string\": \"y\", \"userdef\": {\"integer\": 42, \"string\": \"x\"}}, \"string1\": \"s1\"}}"),
        rt("NestedEnumsOne", KitchenSink_Marshal::readNestedEnumsOne, KitchenSink_Marshal::writeNestedEnumsOne,
            "{\"enum4\": \"value4\", \"enum3\": \"value3\", \"enum2\": \"value2\", \"enum1\": \"value1\"}"),
        rt("NestedEnumsOne", KitchenSink_Marshal::readNestedEnumsOne, KitchenSink_Marshal::writeNestedEnumsOne,
            "{\"enum3\": \"value1\", \"enum1\": \"value4\"}"),
        rt("Empty2", KitchenSink_Marshal::readEmpty2, KitchenSink_Marshal::writeEmpty2,
            "{}"),
        rt("UserDefOptions", KitchenSink_Marshal::readUserDefOptions, KitchenSink_Marshal::writeUserDefOptions,
            "{\"i64\": [-1, 9223372036854775807], \"u16\": [65535], \"i64x\": -9223372036854775808, \"u64\": [0, 18446744073709551615], \"u64x\": 18446744073709551615}"),
        rt("UserDefOptions", KitchenSink_Marshal::readUserDefOptions, KitchenSink_Marshal::writeUserDefOptions,
            "{}"),
        rt("Grid", KitchenSink_Marshal::readGrid, KitchenSink_Marshal::writeGrid,
            "{\"rows\": [{\"cells\": [1, 2]}, {\"tags\": [\"value1\", \"value4\"], \"cells\": []}], \"deep\": [{\"string0\": \"a\", \"dict1\": {\"dict2\": {\"string\": \"d\", \"userdef\": {\"integer\": 0, \"string\": \"c\"}}, \"string1\": \"b\"}}]}"),
        rt("Builtins", KitchenSink_Marshal::readBuiltins, KitchenSink_Marshal::writeBuiltins,
            "{\"nothing\": null, \"anything\": {\"a\": {}, \"b\": [1, \"x\", null, 2.5]}, \"anythings\": [true, [], {}], \"type\": \"qdict\", \"types\": [\"qnull\", \"qbool\"]}"),
        rt("Builtins", KitchenSink_Marshal::readBuiltins, KitchenSink_Marshal::writeBuiltins,
            "{\"nothing\": null, \"anything\": 1, \"type\": \"none\", \"maybe\": null}"),
        rt("UserDefFlatUnion", KitchenSink_Marshal::readUserDefFlatUnion, KitchenSink_Marshal::writeUserDefFlatUnion,
            "{\"integer\": 1, \"string2\": \"b\", \"enum1\": \"value1\", \"string\": \"s\", \"string1\": \"a\"}"),
        rt("UserDefFlatUnion", KitchenSink_Marshal::readUserDefFlatUnion, KitchenSink_Marshal::writeUserDefFlatUnion,
            "{\"integer\": 2, \"enum1\": \"value2\", \"string\": \"s\", \"a-b\": true, \"intb\": 5}"),
        rt("UserDefFlatUnion", KitchenSink_Marshal::readUserDefFlatUnion, KitchenSink_Marshal::writeUserDefFlatUnion,
            "{\"integer\": 3, \"boolean\": false, \"enum1\": \"value3\", \"string\": \"s\", \"a_b\": 7}"),
        rt("UserDefFlatUnion", KitchenSink_Marshal::readUserDefFlatUnion, KitchenSink_Marshal::writeUserDefFlatUnion,
            "{\"integer\": 4, \"enum1\": \"value4\", \"string\": \"s\"}"),
        rt("UserDefFlatUnion2", KitchenSink_Marshal::readUserDefFlatUnion2, KitchenSink_Marshal::writeUserDefFlatUnion2,
            "{\"integer\": 1, \"string2\": \"b\", \"enum1\": \"value1\", \"string\": \"s\", \"string1\": \"a\"}"),
        rt("UserDefFlatUnion2", KitchenSink_Marshal::readUserDefFlatUnion2, KitchenSink_Marshal::writeUserDefFlatUnion2,
            "{\"enum1\": \"value2\", \"string\": \"s\", \"intb\": 0}"),
        rt("BranchKinds", KitchenSink_Marshal::readBranchKinds, KitchenSink_Marshal::writeBranchKinds,
            "{\"string2\": \"b\", \"note\": \"n\", \"string1\": \"a\", \"kind\": \"plain\"}"),
        rt("BranchKinds", KitchenSink_Marshal::readBranchKinds, KitchenSink_Marshal::writeBranchKinds,
            "{\"integer\": 1, \"enum1\": \"value2\", \"string\": \"s\", \"kind\": \"based\"}"),
        rt("BranchKinds", KitchenSink_Marshal::readBranchKinds, KitchenSink_Marshal::writeBranchKinds,
            "{\"kind\": \"empty\"}"),
        rt("BranchKinds", KitchenSink_Marshal::readBranchKinds, KitchenSink_Marshal::writeBranchKinds,
            "{\"alt\": null, \"kind\": \"wrapped\"}"),
        rt("BranchKinds", KitchenSink_Marshal::readBranchKinds, KitchenSink_Marshal::writeBranchKinds,
            "{\"alt\": 5, \"kind\": \"wrapped\"}"),
        rt("BranchKinds", KitchenSink_Marshal::readBranchKinds, KitchenSink_Marshal::writeBranchKinds,
            "{\"alt\": \"value1\", \"kind\": \"wrapped\"}"),
        rt("BranchKinds", KitchenSink_Marshal::readBranchKinds, KitchenSink_Marshal::writeBranchKinds,
            "{\"alt\": {\"integer\": 1, \"enum1\": \"value4\", \"string\": \"s\"}, \"kind\": \"wrapped\"}"),
        rt("BranchKinds", KitchenSink_Marshal::readBranchKinds, KitchenSink_Marshal::writeBranchKinds,
            "{\"union\": {\"integer\": 1, \"string2\": \"b\", \"enum1\": \"value1\", \"string\": \"s\", \"string1\": \"a\"}, \"kind\": \"nested\"}"),
        rt("BranchKinds", KitchenSink_Marshal::readBranchKinds, KitchenSink_Marshal::writeBranchKinds,
            "{\"note\": \"x\", \"kind\": \"none\"}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"integer\", \"data\": [1, -2, -9223372036854775808]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"s8\", \"data\": [-128, 127]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"s16\", \"data\": [-32768, 32767]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"s32\", \"data\": [-2147483648, 2147483647]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"s64\", \"data\": [-9223372036854775808, 9223372036854775807]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"u8\", \"data\": [0, 255]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"u16\", \"data\": [0, 65535]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"u32\", \"data\": [0, 4294967295]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"u64\", \"data\": [0, 18446744073709551615]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"number\", \"data\": [2.5, -0.5, 1, 1.2676506002282294e+30, 1.0000000000000001e-05]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"boolean\", \"data\": [true, false]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"string\", \"data\": [\"a\", \"\", \"\\u00E9\\u20AC\"]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"sizes\", \"data\": [0, 18446744073709551615]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"any\", \"data\": [1, \"two\", null, {\"a\": [true]}, []]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"user\", \"data\": [\"good\", \"ugly\"]}"),
        rt("UserDefListUnion", KitchenSink_Marshal::readUserDefListUnion, KitchenSink_Marshal::writeUserDefListUnion,
            "{\"type\": \"user\", \"data\": []}"),
        rt("AllAlternates", KitchenSink_Marshal::readAllAlternates, KitchenSink_Marshal::writeAllAlternates,
            "{\"enum-bool\": true, \"str-obj\": \"str\", \"enum-num\": 2.5, \"enum-int\": 7, \"list-int\": [1, 2], \"udfa\": {\"integer\": 1, \"string2\": \"b\", \"enum1\": \"value1\", \"string\": \"s\", \"string1\": \"a\"}, \"every\": null, \"many\": [{\"integer\": 42, \"boolean\": true, \"string\": \"foo\"}, \"value2\", 1.5, false, null, [{\"integer\": 1, \"string\": \"x\"}]], \"num-enum\": \"value1\"}"),
        rt("AllAlternates", KitchenSink_Marshal::readAllAlternates, KitchenSink_Marshal::writeAllAlternates,
            "{\"enum-bool\": \"value2\", \"str-obj\": {\"integer\": 42, \"boolean\": true, \"string\": \"foo\"}, \"enum-num\": \"value3\", \"enum-int\": \"value1\", \"list-int\": 3, \"udfa\": \"value4\", \"every\": \"value1\", \"num-enum\": 3}"),
        rt("AllAlternates", KitchenSink_Marshal::readAllAlternates, KitchenSink_Marshal::writeAllAlternates,
            "{\"udfa\": 42}"),
        rt("AllAlternates", KitchenSink_Marshal::readAllAlternates, KitchenSink_Marshal::writeAllAlternates,
            "{\"udfa\": null, \"every\": []}"),
        rt("AllAlternates", KitchenSink_Marshal::readAllAlternates, KitchenSink_Marshal::writeAllAlternates,
            "{}"),
        rt("AllAlternates", KitchenSink_Marshal::readAllAlternates, KitchenSink_Marshal::writeAllAlternates,
            "{\"stats\": 18446744073709551615}"),
        rt("AllAlternates", KitchenSink_Marshal::readAllAlternates, KitchenSink_Marshal::writeAllAlternates,
            "{\"stats\": [0, 18446744073709551615]}"),
        rt("AllAlternates", KitchenSink_Marshal::readAllAlternates, KitchenSink_Marshal::writeAllAlternates,
            "{\"stats\": false}"),
        rt("OrgQemuXStruct", KitchenSink_Marshal::read__org_qemu_x_Struct, KitchenSink_Marshal::write__org_qemu_x_Struct,
            "{\"wchar-t\": 1, \"__org.qemu_x-member2\": \"m\", \"__org.qemu_x-member1\": \"__org.qemu_x-value\"}"),
        rt("OrgQemuXUnion", KitchenSink_Marshal::read__org_qemu_x_Union, KitchenSink_Marshal::write__org_qemu_x_Union,
            "{\"array\": [{\"array\": [], \"__org.qemu_x-member1\": \"__org.qemu_x-value\"}], \"__org.qemu_x-member1\": \"__org.qemu_x-value\"}"),
        rt("FeatureUnion1", KitchenSink_Marshal::readFeatureUnion1, KitchenSink_Marshal::writeFeatureUnion1,
            "{\"tag\": \"eins\", \"foo\": 1}"),
        rt("FeatureUnion1", KitchenSink_Marshal::readFeatureUnion1, KitchenSink_Marshal::writeFeatureUnion1,
            "{\"tag\": \"zwei\"}"),
        rt("FeatureStruct4", KitchenSink_Marshal::readFeatureStruct4, KitchenSink_Marshal::writeFeatureStruct4,
            "{\"namespace-test\": 4}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roundTrips")
  <T> void roundTrip(String name, Wire.Reader<T> reader, BiConsumer<JsonGenerator, T> writer, String json) {
    assertEquals(json, write(read(json, reader), writer));
  }

  private static Arguments bad(Wire.Reader<?> reader, String json, String error) {
    return Arguments.of(error + " <- " + json, reader, json, error);
  }

  /**
   * Invalid input, QEMU's way: the first problem in declaration order wins, an unknown member only
   * when nothing else is wrong, nested members as {@code a.b}, list elements as {@code list[2]}.
   * Where QEMU prints {@code null} for a list element (range, enum and alternate errors), qapi4j
   * prints its path.
   */
  static Stream<Arguments> invalidInputs() {
    String grid = "{\"rows\": [{\"cells\": [1]}, {\"cells\": [1]}, {\"cells\": [1, \"x\"]}]}";
    String two = "{\"string0\": \"s\", \"dict1\": {\"string1\": \"s\", \"dict2\": {\"userdef\": {\"integer\": 1},"
        + " \"string\": \"y\"}}}";
    return Stream.of(
        // missing
        bad(KitchenSink_Marshal::readUserDefOne, "{\"string\": \"s\"}", "Parameter 'integer' is missing"),
        bad(KitchenSink_Marshal::readUserDefTwo, two, "Parameter 'dict1.dict2.userdef.string' is missing"),
        bad(KitchenSink_Marshal::readUserDefOne, "{\"enum1\": 5, \"integer\": 1}", "Parameter 'string' is missing"),
        // unexpected
        bad(KitchenSink_Marshal::readTestStruct,
            "{\"integer\": 1, \"boolean\": true, \"string\": \"s\", \"extra\": null}", "Parameter 'extra' is unexpected"),
        bad(KitchenSink_Marshal::readUserDefTwo, "{\"string0\": \"s\", \"dict1\": {\"string1\": \"s\", \"dict2\":"
            + " {\"userdef\": {\"integer\": 1, \"string\": \"x\"}, \"string\": \"y\", \"bogus\": 1}}}",
            "Parameter 'dict1.dict2.bogus' is unexpected"),
        bad(KitchenSink_Marshal::readEmpty2, "{\"a\": 1}", "Parameter 'a' is unexpected"),
        // wrong JSON type, every expected type
        bad(KitchenSink_Marshal::readTestStruct, "{\"integer\": \"1\", \"boolean\": true, \"string\": \"s\"}",
            "Invalid parameter type for 'integer', expected: integer"),
        bad(KitchenSink_Marshal::readTestStruct, "{\"integer\": 1, \"boolean\": 0, \"string\": \"s\"}",
            "Invalid parameter type for 'boolean', expected: boolean"),
        bad(KitchenSink_Marshal::readTestStruct, "{\"integer\": 1, \"boolean\": true, \"string\": null}",
            "Invalid parameter type for 'string', expected: string"),
        bad(KitchenSink_Marshal::readUserDefTwo, "{\"string0\": \"s\", \"dict1\": []}",
            "Invalid parameter type for 'dict1', expected: object"),
        bad(KitchenSink_Marshal::readGrid, "{\"rows\": {}}", "Invalid parameter type for 'rows', expected: array"),
        bad(KitchenSink_Marshal::readUserDefListUnion, "{\"type\": \"number\", \"data\": [1, \"x\"]}",
            "Invalid parameter type for 'data[1]', expected: number"),
        bad(KitchenSink_Marshal::readBuiltins, "{\"type\": \"none\", \"nothing\": 0, \"anything\": 1}",
            "Invalid parameter type for 'nothing', expected: null"),
        bad(KitchenSink_Marshal::readTestStruct, "[]", "Invalid parameter type for 'null', expected: object"),
        // integers: fractions, beyond 64 bits, out of a sized type's range
        bad(KitchenSink_Marshal::readTestStruct, "{\"integer\": 1.5, \"boolean\": true, \"string\": \"s\"}",
            "Invalid parameter type for 'integer', expected: integer"),
        bad(KitchenSink_Marshal::readTestStruct,
            "{\"integer\": 18446744073709551616, \"boolean\": true, \"string\": \"s\"}",
            "Invalid parameter type for 'integer', expected: integer"),
        bad(KitchenSink_Marshal::readTestStruct,
            "{\"integer\": 9223372036854775808, \"boolean\": true, \"string\": \"s\"}",
            "Invalid parameter type for 'integer', expected: integer"),
        bad(KitchenSink_Marshal::readUserDefListUnion, "{\"type\": \"s8\", \"data\": [128]}",
            "Parameter 'data[0]' expects int8_t"),
        bad(KitchenSink_Marshal::readUserDefListUnion, "{\"type\": \"s16\", \"data\": [0, -32769]}",
            "Parameter 'data[1]' expects int16_t"),
        bad(KitchenSink_Marshal::readUserDefListUnion, "{\"type\": \"s32\", \"data\": [2147483648]}",
            "Parameter 'data[0]' expects int32_t"),
        bad(KitchenSink_Marshal::readUserDefListUnion, "{\"type\": \"u8\", \"data\": [-1]}",
            "Parameter 'data[0]' expects uint8_t"),
        bad(KitchenSink_Marshal::readUserDefListUnion, "{\"type\": \"u16\", \"data\": [65536]}",
            "Parameter 'data[0]' expects uint16_t"),
        bad(KitchenSink_Marshal::readUserDefListUnion, "{\"type\": \"u32\", \"data\": [4294967296]}",
            "Parameter 'data[0]' expects uint32_t"),
        bad(KitchenSink_Marshal::readUserDefListUnion, "{\"type\": \"u64\", \"data\": [-5]}",
            "Parameter 'data[0]' expects uint64_t"),
        bad(KitchenSink_Marshal::readUserDefListUnion, "{\"type\": \"sizes\", \"data\": [18446744073709551616]}",
            "Parameter 'data[0]' expects uint64"),
        bad(KitchenSink_Marshal::readUserDefOptions, "{\"u64x\": -1}", "Parameter 'u64x' expects uint64_t"),
        // enum values
        bad(KitchenSink_Marshal::readNestedEnumsOne, "{\"enum1\": \"value1\", \"enum3\": \"value5\"}",
            "Parameter 'enum3' does not accept value 'value5'"),
        bad(KitchenSink_Marshal::readNestedEnumsOne, "{\"enum1\": \"VALUE1\", \"enum3\": \"value1\"}",
            "Parameter 'enum1' does not accept value 'VALUE1'"),
        bad(KitchenSink_Marshal::readUserDefListUnion, "{\"type\": \"user\", \"data\": [\"good\", \"fine\"]}",
            "Parameter 'data[1]' does not accept value 'fine'"),
        // discriminators
        bad(KitchenSink_Marshal::readUserDefFlatUnion, "{\"integer\": 1, \"string\": \"s\", \"enum1\": \"value5\"}",
            "Parameter 'enum1' does not accept value 'value5'"),
        bad(KitchenSink_Marshal::readUserDefFlatUnion, "{\"integer\": 1, \"string\": \"s\"}", "Parameter 'enum1' is missing"),
        bad(KitchenSink_Marshal::readUserDefFlatUnion, "{\"integer\": 1, \"string\": \"s\", \"enum1\": 1}",
            "Invalid parameter type for 'enum1', expected: string"),
        bad(KitchenSink_Marshal::readUserDefFlatUnion, "{\"enum1\": \"value1\", \"string1\": \"a\"}",
            "Parameter 'integer' is missing"),
        bad(KitchenSink_Marshal::readUserDefFlatUnion,
            "{\"integer\": 1, \"string\": \"s\", \"enum1\": \"value1\", \"string1\": \"a\"}",
            "Parameter 'string2' is missing"),
        bad(KitchenSink_Marshal::readUserDefFlatUnion,
            "{\"integer\": 1, \"string\": \"s\", \"enum1\": \"value4\", \"intb\": 1}",
            "Parameter 'intb' is unexpected"),
        bad(KitchenSink_Marshal::readUserDefListUnion, "{\"data\": []}", "Parameter 'type' is missing"),
        // alternates matching no variant (QEMU names the member bare)
        bad(KitchenSink_Marshal::readAllAlternates, "{\"enum-bool\": 42}",
            "Invalid parameter type for 'enum-bool', expected: AltEnumBool"),
        bad(KitchenSink_Marshal::readAllAlternates, "{\"str-obj\": true}",
            "Invalid parameter type for 'str-obj', expected: AltStrObj"),
        bad(KitchenSink_Marshal::readAllAlternates, "{\"num-enum\": []}",
            "Invalid parameter type for 'num-enum', expected: AltNumEnum"),
        bad(KitchenSink_Marshal::readAllAlternates, "{\"udfa\": true}",
            "Invalid parameter type for 'udfa', expected: UserDefAlternate"),
        bad(KitchenSink_Marshal::readAllAlternates, "{\"list-int\": null}",
            "Invalid parameter type for 'list-int', expected: AltListInt"),
        // ... or matching a variant whose value is wrong
        bad(KitchenSink_Marshal::readAllAlternates, "{\"enum-int\": 4.5}",
            "Invalid parameter type for 'enum-int', expected: integer"),
        bad(KitchenSink_Marshal::readAllAlternates, "{\"enum-bool\": \"bogus\"}",
            "Parameter 'enum-bool' does not accept value 'bogus'"),
        bad(KitchenSink_Marshal::readAllAlternates, "{\"stats\": -1}", "Parameter 'stats' expects uint64_t"),
        bad(KitchenSink_Marshal::readAllAlternates, "{\"stats\": [1, 18446744073709551616]}",
            "Parameter 'stats[1]' expects uint64"),
        bad(KitchenSink_Marshal::readAllAlternates, "{\"stats\": \"x\"}",
            "Invalid parameter type for 'stats', expected: StatsValue"),
        bad(KitchenSink_Marshal::readAllAlternates, "{\"list-int\": [1, true]}",
            "Invalid parameter type for 'list-int[1]', expected: integer"),
        bad(KitchenSink_Marshal::readAllAlternates, "{\"udfa\": {\"integer\": 1, \"string\": \"s\", \"enum1\": \"value2\","
            + " \"intb\": \"x\"}}", "Invalid parameter type for 'udfa.intb', expected: integer"),
        bad(KitchenSink_Marshal::readAllAlternates, "{\"many\": [null, {\"integer\": 1}]}",
            "Parameter 'many[1].boolean' is missing"),
        // nested names: a.b and list[2]
        bad(KitchenSink_Marshal::readGrid, grid, "Invalid parameter type for 'rows[2].cells[1]', expected: integer"),
        bad(KitchenSink_Marshal::readBranchKinds, "{\"kind\": \"nested\", \"union\": {\"integer\": 1, \"string\": \"s\","
            + " \"enum1\": \"value1\", \"string1\": \"a\"}}", "Parameter 'union.string2' is missing"),
        bad(KitchenSink_Marshal::readBranchKinds, "{\"kind\": \"wrapped\", \"alt\": {\"integer\": 1, \"string\": \"s\","
            + " \"enum1\": \"value2\", \"intb\": true}}", "Invalid parameter type for 'alt.intb', expected: integer"),
        bad(KitchenSink_Marshal::read__org_qemu_x_Union, "{\"__org.qemu_x-member1\": \"__org.qemu_x-value\", \"array\":"
            + " [{\"__org.qemu_x-member1\": \"__org.qemu_x-value\", \"array\": [{}]}]}",
            "Parameter 'array[0].array[0].__org.qemu_x-member1' is missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidInputs")
  void invalidInput(String name, Wire.Reader<?> reader, String json, String expected) {
    assertEquals(expected, error(() -> read(json, reader)));
  }

  private static final String INTEGERS =
      "{\"i8\": -128, \"i16\": -32768, \"i32\": -2147483648, \"i64\": -9223372036854775808, \"u8\": 255,"
          + " \"u16\": 65535, \"u32\": 4294967295, \"u64\": 18446744073709551615, \"sz\": 18446744073709551615,"
          + " \"boxed-u8\": 0, \"u32s\": [0, 4294967295], \"number\": 0.1, \"flag\": true}";

  @Test
  void integersAtTheirLimits() {
    Structs.Integers v = read(INTEGERS, KitchenSink_Marshal::readIntegers);
    assertEquals(-1L, v.u64()); // uint64 in a long: the same 64 bits
    assertEquals(255, v.u8());
    // QEMU's member order, QEMU's double format.
    assertEquals(
        "{\"sz\": 18446744073709551615, \"boxed-u8\": 0, \"u8\": 255, \"i32\": -2147483648,"
            + " \"i64\": -9223372036854775808, \"u16\": 65535, \"number\": 0.10000000000000001, \"i8\": -128,"
            + " \"u32\": 4294967295, \"u64\": 18446744073709551615, \"u32s\": [0, 4294967295], \"i16\": -32768,"
            + " \"flag\": true}",
        write(v, KitchenSink_Marshal::writeIntegers));
    assertEquals("Parameter 'u8' expects uint8_t",
        error(() -> read(INTEGERS.replace("\"u8\": 255", "\"u8\": 256"), KitchenSink_Marshal::readIntegers)));
    assertEquals("Parameter 'i8' expects int8_t",
        error(() -> read(INTEGERS.replace("\"i8\": -128", "\"i8\": -129"), KitchenSink_Marshal::readIntegers)));
    assertEquals("Parameter 'boxed-u8' expects uint8_t",
        error(() -> read(INTEGERS.replace("\"boxed-u8\": 0", "\"boxed-u8\": 300"), KitchenSink_Marshal::readIntegers)));
    assertEquals("Parameter 'u32s[1]' expects uint32_t",
        error(() -> read(INTEGERS.replace("4294967295]", "4294967296]"), KitchenSink_Marshal::readIntegers)));
  }

  @Test
  void valuesAreTheJavaForms() {
    UserDefFlatUnion four = read("{\"integer\": 4, \"string\": \"s\", \"enum1\": \"value4\"}",
        KitchenSink_Marshal::readUserDefFlatUnion);
    assertEquals(new UserDefFlatUnion.Other(new UserDefUnionBase(new UserDefZero(4), "s", EnumOne.VALUE4)), four);
    AllAlternates a = read("{\"udfa\": null, \"enum-bool\": true, \"enum-num\": \"value2\", \"num-enum\": 3,"
        + " \"every\": [{\"integer\": 1, \"string\": \"x\"}]}", KitchenSink_Marshal::readAllAlternates);
    assertEquals(new UserDefAlternate.N(QNull.INSTANCE), a.udfa());
    assertEquals(new AltEnumBool.B(true), a.enumBool());
    assertEquals(new AltEnumNum.E(EnumOne.VALUE2), a.enumNum());
    assertEquals(new AltNumEnum.N(3.0), a.numEnum());
    assertEquals(new AltEveryType.L(List.of(new UserDefOne(new UserDefZero(1), "x", null))), a.every());
    Structs.Builtins b = read("{\"type\": \"qlist\", \"nothing\": null, \"anything\": [1]}", KitchenSink_Marshal::readBuiltins);
    assertEquals(QType.QLIST, b.type());
    assertEquals(QType.QLIST, QType.of(b.anything()));
    assertEquals(QNull.INSTANCE, b.nothing());
  }

  /** QEMU reads {@code -0} as the integer 0, {@code -0.0} as the double; it prints doubles as {@code %.17g}. */
  @Test
  void numbersAsQemuPrintsThem() {
    assertEquals("{\"type\": \"number\", \"data\": [0, -0, 0.10000000000000001, 1e+20, 1.0000000000000001e-05]}",
        write(read("{\"type\": \"number\", \"data\": [-0, -0.0, 0.1, 100000000000000000000, 1e-5]}",
            KitchenSink_Marshal::readUserDefListUnion), KitchenSink_Marshal::writeUserDefListUnion));
  }

  @Test
  void aVariantThatContradictsItsDiscriminatorIsTheApplicationsBug() {
    assertInstanceOf(IllegalArgumentException.class, assertThrows(RuntimeException.class, () -> write(
        new UserDefFlatUnion.Value1(new UserDefUnionBase(new UserDefZero(1), "s", EnumOne.VALUE2),
            new Unions.UserDefC("a", "b")), KitchenSink_Marshal::writeUserDefFlatUnion)));
    assertInstanceOf(IllegalArgumentException.class, assertThrows(RuntimeException.class, () -> write(
        new UserDefFlatUnion.Other(new UserDefUnionBase(new UserDefZero(1), "s", EnumOne.VALUE1)),
        KitchenSink_Marshal::writeUserDefFlatUnion)));
  }
}
