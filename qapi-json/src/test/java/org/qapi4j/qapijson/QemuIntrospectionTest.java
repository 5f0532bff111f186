package org.qapi4j.qapijson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    assertEquals(expected, actual);
  }

  /** Masked numbers do not depend on the configuration: an entry reads the same with no symbols. */
  @Test
  void numberingIgnoresConditions() throws IOException {
    Schema schema = QapiSchemaReader.read(QEMU.resolve("qapi"), "qapi-schema.json").schema().orElseThrow();
    String none = SchemaInfo.render(schema, false, Set.of());
    String entry = "{\"name\": \"query-block\", \"ret-type\": \"[";
    assertEquals(after(entry, withDebianSymbols(schema)), after(entry, none));
  }

  private static String withDebianSymbols(Schema schema) throws IOException {
    return SchemaInfo.render(schema, false, definedSymbols());
  }

  private static String after(String prefix, String text) {
    int i = text.indexOf(prefix);
    return text.substring(i, text.indexOf('}', i));
  }
}
