package org.qapi4j.testschemas.kitchen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** A {@code query-qmp-schema} reply, looked up by name and followed through its masked type names. */
final class Introspected {
  private final Map<String, JsonNode> byName = new LinkedHashMap<>();

  Introspected(byte[] reply) {
    for (JsonNode e : new ObjectMapper().readTree(reply)) {
      byName.put(e.get("name").asString(), e);
    }
  }

  boolean has(String name) {
    return byName.containsKey(name);
  }

  JsonNode entry(String name) {
    JsonNode e = byName.get(name);
    if (e == null) {
      throw new AssertionError("no entry " + name);
    }
    return e;
  }

  /** The entry of a command's or event's arguments, or a member's type. */
  JsonNode argType(String commandOrEvent) {
    return entry(entry(commandOrEvent).get("arg-type").asString());
  }

  /** The names of an object's members, or of an enum's values. */
  List<String> names(JsonNode entry) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : entry.get("members")) {
      out.add(m.get("name").asString());
    }
    return out;
  }

  /** The type entry of member {@code member} of an object entry. */
  JsonNode memberType(JsonNode object, String member) {
    for (JsonNode m : object.get("members")) {
      if (m.get("name").asString().equals(member)) {
        return entry(m.get("type").asString());
      }
    }
    throw new AssertionError("no member " + member + " in " + object);
  }

  /** The features of a member of an object entry ([] when it has none). */
  List<String> memberFeatures(JsonNode object, String member) {
    for (JsonNode m : object.get("members")) {
      if (m.get("name").asString().equals(member)) {
        return strings(m.get("features"));
      }
    }
    throw new AssertionError("no member " + member + " in " + object);
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.isString() ? n.asString() : n.toString()));
    }
    return out;
  }
}
