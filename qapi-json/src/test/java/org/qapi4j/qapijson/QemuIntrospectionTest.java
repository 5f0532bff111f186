package org.qapi4j.qapijson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.qapi4j.model.Schema;
import org.qapi4j.model.introspect.SchemaInfo;

/**
 * QEMU 7.2's whole schema through the JSON front end: valid, and its introspection with the
 * symbols of Debian's x86_64 build defined is byte for byte the {@code query-qmp-schema} reply of
 * that build.
 */
class QemuIntrospectionTest {
  static final Path QEMU = Path.of(System.getProperty("qapi4j.root", ".."), "..", "shared", "qemu-7.2");

  static Set<String> definedSymbols() throws IOException {
    return Files.readAllLines(QEMU.resolve("defined-conditions.txt")).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .collect(Collectors.toSet());
  }

  @Test
  void qemuSchemaIntrospectsAsQemuDoes() throws IOException {
    QapiSchemaReader.Result result = QapiSchemaReader.read(QEMU.resolve("qapi"), "qapi-schema.json");
    assertEquals("", String.join("\n", result.errors()));
    Schema schema = result.schema().orElseThrow();
    String expected = Files.readString(QEMU.resolve("query-qmp-schema.x86_64.json")).strip();
    String actual = SchemaInfo.render(schema, false, definedSymbols());
    if (!expected.equals(actual)) {
      String[] e = expected.split("\\}, \\{");
      String[] a = actual.split("\\}, \\{");
      for (int i = 0; i < Math.min(e.length, a.length); i++) {
        assertEquals(e[i], a[i], "entry " + i);
      }
      assertEquals(e.length, a.length, "entries");
    }
    assertTrue(Arrays.asList(expected.split("\"meta-type\": \"command\"")).size() > 200);
  }
}
