package org.qapi4j.qapijson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qapi4j.model.Schema;
import org.qapi4j.model.introspect.DefinedSymbols;
import org.qapi4j.model.introspect.KeyOrder;
import org.qapi4j.model.introspect.SchemaInfo;
import org.qapi4j.testsupport.Peers;
import org.qapi4j.runtime.json.QDictOrder;

/**
 * QEMU 7.2's whole schema through the JSON front end: valid, and its introspection, with the
 * symbols the installed {@code qemu-system-x86_64} was built with, is byte for byte that binary's
 * {@code query-qmp-schema} reply.
 */
class QemuIntrospectionTest {
  static Schema qemuSchema() {
    QapiSchemaReader.Result result = QapiSchemaReader.read(Peers.qemuSource("qapi"), "qapi-schema.json");
    assertEquals("", String.join("\n", result.errors()));
    return result.schema().orElseThrow();
  }

  /** The symbols the installed binary defines, told from its reply (DefinedSymbols). */
  static Set<String> definedSymbols(Schema schema) {
    DefinedSymbols.Inference inferred = DefinedSymbols.inferredFrom(schema, Peers.queryQmpSchema(), QDictOrder::of);
    assertEquals(0, inferred.partsDiffering(), "parts of entries that no choice of symbols explains");
    return inferred.defined();
  }

  @Test
  void qemuSchemaIntrospectsAsTheInstalledQemu() {
    Schema schema = qemuSchema();
    Set<String> defined = definedSymbols(schema);
    // An x86_64 build on Linux: some facts of it, whichever Debian revision.
    assertTrue(defined.containsAll(Set.of("TARGET_I386", "CONFIG_LINUX", "CONFIG_POSIX")), defined.toString());
    assertTrue(!defined.contains("TARGET_S390X") && !defined.contains("TARGET_ARM"), defined.toString());
    assertEquals(Peers.queryQmpSchema(), SchemaInfo.render(schema, false, defined, QDictOrder::of));
  }

  /**
   * The model's introspection printed with the runtime's QDict order is the real reply, and the
   * order is what makes it so: printed in insertion order, the same members differ from it.
   */
  @Test
  void membersAreInTheRuntimesQDictOrder() {
    Schema schema = qemuSchema();
    Set<String> defined = definedSymbols(schema);
    String reply = Peers.queryQmpSchema();
    assertEquals(reply, SchemaInfo.render(schema, false, defined, QDictOrder::of));
    String insertion = SchemaInfo.render(schema, false, defined, KeyOrder.INSERTION);
    assertEquals(reply.length(), insertion.length());
    assertNotEquals(reply, insertion);
    String entry = "{\"name\": \"query-status\", \"ret-type\": \"";
    assertTrue(reply.contains(entry), "query-status's entry starts with name and ret-type");
    assertTrue(!insertion.contains(entry), "in insertion order it does not");
  }

  /** Masked numbers do not depend on the configuration: an entry reads the same with no symbols. */
  @Test
  void numberingIgnoresConditions() {
    Schema schema = qemuSchema();
    String none = SchemaInfo.render(schema, false, Set.of(), QDictOrder::of);
    String entry = "{\"name\": \"query-block\", \"ret-type\": \"[";
    assertEquals(after(entry, Peers.queryQmpSchema()), after(entry, none));
  }

  private static String after(String prefix, String text) {
    int i = text.indexOf(prefix);
    return text.substring(i, text.indexOf('}', i));
  }
}
