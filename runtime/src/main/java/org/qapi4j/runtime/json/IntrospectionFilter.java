package org.qapi4j.runtime.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * {@code query-qmp-schema} under {@code -compat deprecated-output=hide}, as QEMU 7.2 answers it: the
 * entries with feature {@code deprecated} (commands, events, types) are left out, so are the
 * object members with that feature, and every enum entry loses its {@code values} (a deprecated
 * member of {@code SchemaInfoEnum}). What remains is printed as it was, member for member.
 */
public final class IntrospectionFilter {
  private static final String DEPRECATED = "deprecated";

  private IntrospectionFilter() {}

  /** The reply (a JSON array of {@code SchemaInfo}, as QEMU prints it) with the deprecated parts hidden. */
  public static String hideDeprecated(String reply) {
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    JsonParser p = QmpJson.parser(bytes, 0, bytes.length);
    p.nextToken();
    JsonValue schema = QmpJson.tree(p);
    if (!(schema instanceof JsonValue.JsonArray entries)) {
      throw new IllegalArgumentException("not a query-qmp-schema reply: " + reply.substring(0, Math.min(40, reply.length())));
    }
    List<JsonValue> kept = new ArrayList<>();
    for (JsonValue e : entries.elements()) {
      if (e instanceof JsonValue.JsonObject entry && !deprecated(entry)) {
        kept.add(hideMembers(entry));
      }
    }
    byte[] message = QmpJson.message(g -> print(g, new JsonValue.JsonArray(kept, 0, 0)));
    return new String(message, 0, message.length - 2, StandardCharsets.UTF_8);
  }

  private static JsonValue.JsonObject hideMembers(JsonValue.JsonObject entry) {
    Map<String, JsonValue> out = new LinkedHashMap<>(entry.members());
    JsonValue meta = out.get("meta-type");
    if (meta instanceof JsonValue.JsonString s && s.value().equals("enum")) {
      out.remove("values");
    }
    if (out.get("members") instanceof JsonValue.JsonArray members
        && meta instanceof JsonValue.JsonString s && s.value().equals("object")) {
      List<JsonValue> kept = new ArrayList<>();
      for (JsonValue m : members.elements()) {
        if (!(m instanceof JsonValue.JsonObject member && deprecated(member))) {
          kept.add(m);
        }
      }
      out.put("members", new JsonValue.JsonArray(kept, 0, 0));
    }
    return new JsonValue.JsonObject(out, 0, 0);
  }

  private static boolean deprecated(JsonValue.JsonObject o) {
    return o.members().get("features") instanceof JsonValue.JsonArray features
        && features.elements().stream()
            .anyMatch(f -> f instanceof JsonValue.JsonString s && s.value().equals(DEPRECATED));
  }

  /** Prints a value with its members in the order they are held (the order QEMU printed them). */
  private static void print(JsonGenerator g, JsonValue value) {
    if (value instanceof JsonValue.JsonObject o) {
      g.writeStartObject();
      for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
        g.writeName(m.getKey());
        print(g, m.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof JsonValue.JsonArray a) {
      g.writeStartArray();
      for (JsonValue e : a.elements()) {
        print(g, e);
      }
      g.writeEndArray();
    } else {
      QmpJson.write(g, value);
    }
  }
}
