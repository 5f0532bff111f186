package org.qapi4j.runtime.marshal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qapi4j.runtime.QmpError;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** QEMU 7.2's input errors, word for word (qobject-input-visitor.c, qapi-visit-core.c). */
class InputTest {
  private enum Cap { OOB }

  private static JsonParser at(String json) {
    JsonParser p = new JsonFactory().createParser(ObjectReadContext.empty(), json.getBytes(StandardCharsets.UTF_8));
    p.nextToken();
    return p;
  }

  private static String error(Runnable r) {
    return assertThrows(QmpError.class, r::run).desc();
  }

  @Test
  void wrongJsonTypes() {
    assertEquals("Invalid parameter type for 'value', expected: integer", error(() -> Input.int64(at("\"x\""), "value")));
    assertEquals("Invalid parameter type for 'value', expected: integer", error(() -> Input.int64(at("1.0"), "value")));
    assertEquals("Invalid parameter type for 'value', expected: integer", error(() -> Input.int64(at("null"), "value")));
    assertEquals("Invalid parameter type for 'a.b', expected: string", error(() -> Input.str(at("1"), "a.b")));
    assertEquals("Invalid parameter type for 'x', expected: boolean", error(() -> Input.bool(at("0"), "x")));
    assertEquals("Invalid parameter type for 'x', expected: number", error(() -> Input.number(at("\"1\""), "x")));
    assertEquals("Invalid parameter type for 'x', expected: object", error(() -> Input.beginObject(at("[]"), "x")));
    assertEquals("Invalid parameter type for 'x', expected: array", error(() -> Input.beginArray(at("{}"), "x")));
  }

  @Test
  void integersBeyondSixtyFourBitsAreNotIntegers() {
    assertEquals("Invalid parameter type for 'v', expected: integer",
        error(() -> Input.int64(at("9223372036854775808"), "v")));
    assertEquals(Long.MAX_VALUE, Input.int64(at("9223372036854775807"), "v"));
    assertEquals(-1L, Input.uint64(at("18446744073709551615"), "v", "v"));
    // QEMU's qobject_input_type_uint64(): not an integer of 64 bits, by its full path.
    assertEquals("Parameter 'v' expects uint64",
        error(() -> Input.uint64(at("18446744073709551616"), "v", "v")));
  }

  @Test
  void rangesNameTheCType() {
    assertEquals("Parameter 'b' expects int8_t", error(() -> Input.int8(at("128"), "a.b", "b")));
    assertEquals(-128, Input.int8(at("-128"), "b", "b"));
    assertEquals("Parameter 'v' expects uint8_t", error(() -> Input.uint8(at("256"), "v", "v")));
    assertEquals("Parameter 'v' expects uint32_t", error(() -> Input.uint32(at("4294967296"), "v", "v")));
    // QEMU wraps a negative uint64; qapi4j refuses it.
    assertEquals("Parameter 'v' expects uint64_t", error(() -> Input.uint64(at("-5"), "v", "v")));
  }

  @Test
  void enumValues() {
    Map<String, Cap> values = Map.of("oob", Cap.OOB);
    assertEquals(Cap.OOB, Input.enumValue(at("\"oob\""), "enable[0]", "enable[0]", values));
    assertEquals("Parameter 'enable[0]' does not accept value 'bogus'",
        error(() -> Input.enumValue(at("\"bogus\""), "enable[0]", "enable[0]", values)));
  }

  @Test
  void skipRestLeavesTheParserAfterTheFailedValue() {
    JsonParser p = at("{\"a\": {\"x\": [1, {\"y\": 2}], \"z\": 3}, \"b\": 4}");
    int depth = p.streamReadContext().getNestingDepth();
    assertEquals(JsonToken.PROPERTY_NAME, p.nextToken());
    p.nextToken(); // on a's START_OBJECT
    p.nextToken(); // "x"
    p.nextToken(); // [
    p.nextToken(); // 1: a reader fails here
    Input.skipRest(p, depth);
    assertEquals(JsonToken.END_OBJECT, p.currentToken());
    assertEquals(JsonToken.PROPERTY_NAME, p.nextToken());
    assertEquals("b", p.currentName());
  }

  @Test
  void firstProblemInDeclarationOrderWins() {
    MemberErrors errors = new MemberErrors();
    errors.unexpected("bogus");
    errors.invalid(1, new QmpError("second member invalid"));
    errors.missing(0, "first");
    assertEquals("Parameter 'first' is missing", error(() -> errors.check(null)));
    MemberErrors onlyUnexpected = new MemberErrors();
    onlyUnexpected.unexpected("bogus");
    assertEquals("Parameter 'a.bogus' is unexpected", error(() -> onlyUnexpected.check("a")));
  }
}
