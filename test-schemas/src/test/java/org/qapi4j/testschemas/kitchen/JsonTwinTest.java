package org.qapi4j.testschemas.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qapi4j.model.Definition;
import org.qapi4j.model.Predefined;
import org.qapi4j.model.Schema;
import org.qapi4j.model.introspect.ControlCommands;
import org.qapi4j.model.introspect.SchemaInfo;
import org.qapi4j.qapijson.QapiSchemaReader;
import org.qapi4j.runtime.json.QDictOrder;

/**
 * The kitchen sink written in QAPI JSON ({@code kitchen/kitchen-sink.json}) and in Java say the
 * same thing: through their two front ends they give the same {@code query-qmp-schema} reply, byte
 * for byte, under the same configuration. This is the mapping of docs/mapping.md, checked.
 */
class JsonTwinTest {
  private static final Set<String> DEFINED = Set.of(System.getProperty("kitchen.defined", "").split(","));

  @Test
  void theQapiJsonTwinIntrospectsAsTheJavaSchema() {
    QapiSchemaReader.Result result = QapiSchemaReader.read(Path.of("src", "test", "resources", "kitchen"), "kitchen-sink.json");
    assertEquals("", String.join("\n", result.errors()));
    Schema json = result.schema().orElseThrow();
    String java = new String(new KitchenSink_Dispatch(new KitchenSinkImpl()).introspection(), StandardCharsets.UTF_8).strip();
    assertTrue(DEFINED.contains("TEST_IF_STRUCT"), "the pom passes the kitchen sink's symbols");
    // The processor lists QMP's own commands, which the kitchen sink does not declare, first.
    assertEquals(SchemaInfo.render(ControlCommands.addTo(json), false, DEFINED, QDictOrder::of), java);
  }
}
