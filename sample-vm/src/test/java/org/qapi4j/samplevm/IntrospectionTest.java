package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qapi4j.testsupport.Peers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sample VM's {@code query-qmp-schema}, computed by the processor from its Java schema, against
 * the reply of the installed qemu-system-x86_64 7.2 ({@link Peers#queryQmpSchema}):
 * every command and event the sample VM has must have QEMU's entry, with every type it reaches
 * equal, once the masked type names (numbers, which depend on the whole schema) are resolved.
 */
class IntrospectionTest {
  private static List<JsonNode> load(InputStream in) throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    QmpClient.JSON.readTree(in).forEach(entries::add);
    return entries;
  }

  private static Map<String, JsonNode> byName(List<JsonNode> entries) {
    Map<String, JsonNode> map = new HashMap<>();
    entries.forEach(e -> map.put(e.get("name").asString(), e));
    return map;
  }

  /** An entry with every type reference replaced by what it names, recursively. */
  private static JsonNode resolve(JsonNode node, Map<String, JsonNode> schema, Set<String> open) {
    if (node.isArray()) {
      var out = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> out.add(resolve(e, schema, open)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      if (key.equals("name") && node.has("meta-type")
          && !List.of("command", "event", "builtin").contains(node.get("meta-type").asString())) {
        continue; // a masked type name says nothing
      }
      if (List.of("type", "arg-type", "ret-type", "element-type").contains(key)) {
        out.set(key, type(e.getValue().asString(), schema, open));
      } else {
        out.set(key, resolve(e.getValue(), schema, open));
      }
    }
    return out;
  }

  private static JsonNode type(String name, Map<String, JsonNode> schema, Set<String> open) {
    if (name.startsWith("[")) {
      return JsonNodeFactory.instance.arrayNode().add(type(name.substring(1, name.length() - 1), schema, open));
    }
    JsonNode entry = schema.get(name);
    if (entry == null || !open.add(name)) {
      return JsonNodeFactory.instance.stringNode(entry == null ? name : "(recursive)");
    }
    JsonNode resolved = resolve(entry, schema, open);
    open.remove(name);
    return resolved;
  }

  @Test
  void everyCommandAndEventHasQemusEntry() throws IOException {
    List<JsonNode> ours;
    try (InputStream in = getClass().getResourceAsStream("/org/qapi4j/samplevm/schema/SampleVmSchema.qmp-schema.json")) {
      ours = load(in);
    }
    List<JsonNode> qemu = new ArrayList<>();
    QmpClient.JSON.readTree(Peers.queryQmpSchema()).forEach(qemu::add);
    Map<String, JsonNode> ourSchema = byName(ours);
    Map<String, JsonNode> qemuSchema = byName(qemu);
    int compared = 0;
    for (JsonNode entry : ours) {
      String meta = entry.get("meta-type").asString();
      if (!meta.equals("command") && !meta.equals("event")) {
        continue;
      }
      String name = entry.get("name").asString();
      JsonNode theirs = qemuSchema.get(name);
      assertTrue(theirs != null, name + " is not in QEMU's schema");
      assertEquals(resolve(theirs, qemuSchema, new HashSet<>()), resolve(entry, ourSchema, new HashSet<>()), name);
      compared++;
    }
    // qmp_capabilities, query-version, query-commands, quit, query-qmp-schema, query-status,
    // system_reset, system_powerdown, balloon, query-balloon, query-name, stop, cont,
    // x-exit-preconfig, migrate-set-capabilities, query-migrate-capabilities, migrate-pause,
    // migrate-recover, yank, query-yank, screendump, block_resize, dump-guest-memory, query-dump;
    // SHUTDOWN, POWERDOWN, RESET, STOP, RESUME, BALLOON_CHANGE, RTC_CHANGE, MIGRATION,
    // DUMP_COMPLETED.
    assertEquals(33, compared);
  }
}
