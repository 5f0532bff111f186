package org.qapi4j.runtime.marshal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qapi4j.runtime.CompatPolicy;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.json.QmpJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * The tables generated code declares ({@link ObjectType}, {@link EnumType}, {@link ValueType}):
 * their form, and QEMU's errors and member order through them.
 */
class TablesTest {
  private enum Mode { AUTO, ON, OFF, GONE }

  private static final EnumType<Mode> MODE = new EnumType<>("Mode", Mode.values(), "auto on/D off/U gone/-");

  /** Named type 0 is {@code Mode}. */
  private static final NamedTypes TYPES = new NamedTypes() {
    @Override
    public Object read(int type, JsonParser p, String path, String name) {
      return MODE.read(p, path, name);
    }

    @Override
    public void write(int type, JsonGenerator out, Object value) {
      MODE.write(out, (Mode) value);
    }
  };

  private static final ObjectType OPTIONS = new ObjectType(TYPES, "Options",
      "id:str level:uint8>int/? mode:0/? tags:[str/? count:int/P old:bool/?D extra:str/?-", "5 4 3 2 1 0");

  private static JsonParser at(String json) {
    JsonParser p = QmpJson.parser(json.getBytes(StandardCharsets.UTF_8), 0, json.length());
    p.nextToken();
    return p;
  }

  private static String error(Runnable r) {
    return assertThrows(QmpError.class, r::run).desc();
  }

  private static String written(ObjectType type, Object... values) {
    return new String(QmpJson.message(g -> type.write(g, values)), StandardCharsets.UTF_8).strip();
  }

  @Test
  void readsMembersInDeclarationOrderIntoTheirJavaTypes() {
    Object[] a = OPTIONS.read(at("{'tags': ['a', 'b'], 'level': 200, 'id': 'x', 'mode': 'on', 'count': 0}"), null);
    assertArrayEquals(new Object[] {"x", 200, Mode.ON, List.of("a", "b"), 0L, null, null}, a);
    assertEquals(Integer.class, a[1].getClass()); // a uint8 held in an int
  }

  @Test
  void reportsTheErrorQemuReports() {
    assertEquals("Parameter 'id' is missing", error(() -> OPTIONS.read(at("{}"), null)));
    assertEquals("Parameter 'o.id' is missing", error(() -> OPTIONS.read(at("{}"), "o")));
    assertEquals("Parameter 'level' expects uint8_t", error(() -> OPTIONS.read(at("{'id': 'x', 'level': 256}"), null)));
    assertEquals("Parameter 'mode' does not accept value 'gone'",
        error(() -> OPTIONS.read(at("{'id': 'x', 'mode': 'gone'}"), null)));
    assertEquals("Invalid parameter type for 'o.tags[1]', expected: string",
        error(() -> OPTIONS.read(at("{'id': 'x', 'tags': ['a', 1]}"), "o")));
    // An unknown member is reported only if nothing else is wrong; a member not in this
    // configuration is unknown.
    assertEquals("Parameter 'id' is missing", error(() -> OPTIONS.read(at("{'extra': 'e'}"), null)));
    assertEquals("Parameter 'extra' is unexpected", error(() -> OPTIONS.read(at("{'id': 'x', 'count': 1, 'extra': 'e'}"), null)));
    assertEquals("Invalid parameter type for 'null', expected: object", error(() -> OPTIONS.read(at("[]"), "null")));
  }

  @Test
  void aLenientReadSkipsWhatItDoesNotKnow() {
    Object[] a = OPTIONS.readLenient(at("{'id': 'x', 'count': 1, 'branch-member': {'deep': [1]}}"), null);
    assertEquals("x", a[0]);
  }

  @Test
  void theCompatPolicyAppliesToMembersAndValues() {
    CompatPolicy reject = CompatPolicy.parse("deprecated-input=reject,unstable-input=reject");
    assertEquals("Deprecated parameter old disabled by policy",
        error(() -> Compat.run(reject, () -> OPTIONS.read(at("{'id': 'x', 'count': 1, 'old': true}"), null))));
    assertEquals("Deprecated value on disabled by policy",
        error(() -> Compat.run(reject, () -> MODE.read(at("'on'"), "mode", "mode"))));
    assertEquals("Unstable value off disabled by policy",
        error(() -> Compat.run(reject, () -> MODE.read(at("'off'"), "mode", "mode"))));
    CompatPolicy hide = CompatPolicy.parse("deprecated-output=hide");
    Object[] values = {"x", null, null, null, 1L, true, null};
    assertEquals("{\"old\": true, \"count\": 1, \"id\": \"x\"}", written(OPTIONS, values));
    assertEquals("{\"count\": 1, \"id\": \"x\"}", Compat.with(hide, () -> written(OPTIONS, values)));
  }

  @Test
  void writesInTheWireOrderLeavingOutAbsentOptionalMembers() {
    assertEquals("{\"old\": false, \"count\": 7, \"tags\": [\"t\"], \"mode\": \"auto\", \"level\": 3, \"id\": \"x\"}",
        written(OPTIONS, "x", 3, Mode.AUTO, List.of("t"), 7L, false, "never written"));
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> written(OPTIONS, null, null, null, null, 0L, null, null));
    assertEquals("member 'id' of Options is null", e.getMessage());
    IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
        () -> written(OPTIONS, "x", null, Mode.GONE, null, 0L, null, null));
    assertEquals("GONE of Mode does not exist in this configuration (its @If condition fails)", absent.getMessage());
  }

  /** A union's writer gives its base's values and its branch's apart; the order is the table's. */
  @Test
  void aBranchIsWrittenFromTheValuesOfItsBaseAndItsOwn() {
    Object[] base = {"x", 3, Mode.AUTO};
    assertEquals(written(OPTIONS, "x", 3, Mode.AUTO, List.of("t"), 7L, false, null),
        new String(QmpJson.message(g -> OPTIONS.writeBranch(g, base, List.of("t"), 7L, false, null)),
            StandardCharsets.UTF_8).strip());
    assertEquals("{\"count\": 7, \"mode\": \"auto\", \"level\": 3, \"id\": \"x\"}",
        new String(QmpJson.message(g -> OPTIONS.writeBranch(g, base, null, 7L, null, null)),
            StandardCharsets.UTF_8).strip());
  }

  @Test
  void valueTypesPrintAsTheyParse() {
    for (String text : List.of("str", "int", "uint8>int", "int32>long", "size", "[[3", "[uint64", "any", "null")) {
      assertEquals(text, ValueType.parse(text).toString());
    }
    assertEquals(Long.valueOf(-1), ValueType.parse("uint64").read(TYPES, at("18446744073709551615"), "v", "v"));
    assertEquals((short) 255, ValueType.parse("uint8").read(TYPES, at("255"), "v", "v"));
  }
}
