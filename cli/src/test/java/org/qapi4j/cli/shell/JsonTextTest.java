package org.qapi4j.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qapi4j.runtime.client.Json;

/** JSON printed as Python's json.dumps prints it, which is what qmp-shell shows. */
class JsonTextTest {
  @Test
  void compactKeepsTheOrderWithPythonsSeparators() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1L);
    m.put("a", List.of(true, false, new BigInteger("18446744073709551615")));
    m.put("c", new LinkedHashMap<>());
    m.put("d", new ArrayList<>());
    m.put("e", null);
    assertEquals("{\"b\": 1, \"a\": [true, false, 18446744073709551615], \"c\": {}, \"d\": [], \"e\": null}",
        JsonText.compact(m));
  }

  @Test
  void prettyIndentsByFourAndSortsMembers() {
    assertEquals("{\n    \"a\": [\n        1,\n        {}\n    ],\n    \"b\": {\n        \"x\": \"y\"\n    },\n    \"c\": []\n}",
        JsonText.pretty(Json.parse("{\"c\": [], \"b\": {\"x\": \"y\"}, \"a\": [1, {}]}")));
  }

  @Test
  void escapesAllButPrintableAscii() {
    assertEquals("\"\\\"\\\\\\n\\t\\u0001\\u007f\\u00e9\\u20ac\\ud83d\\ude00/\"",
        JsonText.compact("\"\\\n\t\u0001\u007f\u00e9\u20ac\ud83d\ude00/"));
  }

  @Test
  void floatsAsPythonsRepr() {
    assertEquals("[1.0, 100000.0, 1e+16, 1e-05, 0.0001, -0.0, 3.14, 1.5e+300, NaN, -Infinity]",
        JsonText.compact(List.of(1.0, 1e5, 1e16, 1e-5, 1e-4, -0.0, 3.14, 1.5e300, Double.NaN, Double.NEGATIVE_INFINITY)));
  }

  @Test
  void receivedNumbersAsTheyCame() {
    assertEquals("{\"return\": {\"size\": 18446744073709551615, \"ratio\": 0.5, \"n\": -3}}",
        JsonText.compact(Map.of("return", Json.parse("{\"size\": 18446744073709551615, \"ratio\": 0.5, \"n\": -3}"))));
  }
}
