package org.qapi4j.cli.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qapi4j.runtime.client.Json;
import org.qapi4j.runtime.json.JsonValue;
import org.qapi4j.runtime.json.JsonValue.JsonObject;
import org.qapi4j.runtime.probe.IntrospectedSchema;

/**
 * What the server says it accepts: its commands and, from its {@code query-qmp-schema} reply, the
 * type of each command's arguments, which the shell checks and completes against. A guest agent
 * tells only its commands' names ({@code guest-info}): {@link #commandsOnly}.
 */
public final class ServerSchema {
  /** A member of an object type: name, type name, whether it may be left out. */
  public record Member(String name, String type, boolean optional) {}

  private final IntrospectedSchema schema; // null: names only
  private final List<String> commands;
  private final Set<String> noReply;
  private final Set<String> disabled;

  private ServerSchema(IntrospectedSchema schema, List<String> commands, Set<String> noReply, Set<String> disabled) {
    this.schema = schema;
    this.commands = commands;
    this.noReply = noReply;
    this.disabled = disabled;
  }

  /** From a {@code query-qmp-schema} reply (its {@code return} value). */
  public static ServerSchema of(JsonValue reply) {
    IntrospectedSchema s = IntrospectedSchema.of(reply);
    return new ServerSchema(s, s.commands(), Set.of(), Set.of());
  }

  /** {@link #of} on the reply's text. */
  public static ServerSchema parse(String reply) {
    return of(Json.parse(reply));
  }

  /**
   * Command names alone (a guest agent's), with those that send no reply on success and those
   * disabled (which the server refuses in its own words: they are not completed, but sent).
   */
  public static ServerSchema commandsOnly(List<String> commands, Set<String> noReply, Set<String> disabled) {
    return new ServerSchema(null, List.copyOf(commands), Set.copyOf(noReply), Set.copyOf(disabled));
  }

  /** From a guest agent's {@code guest-info} reply: its {@code supported_commands}. */
  public static ServerSchema ofGuestInfo(JsonValue info) {
    List<String> names = new ArrayList<>();
    Set<String> noReply = new java.util.HashSet<>();
    Set<String> disabled = new java.util.HashSet<>();
    for (JsonValue c : Json.elements(Json.member(info, "supported_commands"))) {
      String name = Json.string(Json.member(c, "name"));
      names.add(name);
      JsonValue enabled = Json.member(c, "enabled");
      if (enabled != null && !Json.bool(enabled)) {
        disabled.add(name);
      }
      JsonValue reply = Json.member(c, "success-response");
      if (reply != null && !Json.bool(reply)) {
        noReply.add(name);
      }
    }
    return commandsOnly(names, noReply, disabled);
  }

  /** The commands, in the server's order. */
  public List<String> commands() {
    return commands;
  }

  /** The commands to complete: those not disabled, in the server's order. */
  public List<String> enabledCommands() {
    return disabled.isEmpty() ? commands : commands.stream().filter(c -> !disabled.contains(c)).toList();
  }

  /** Whether the server has this command. */
  public boolean hasCommand(String name) {
    return commands.contains(name);
  }

  /** Whether the command sends no reply when it succeeds (a guest agent's {@code guest-shutdown}). */
  public boolean noReply(String command) {
    return noReply.contains(command) && !disabled.contains(command); // refused, it is answered
  }

  /** Whether the types are known (a {@code query-qmp-schema} reply), not only the names. */
  public boolean typed() {
    return schema != null;
  }

  /** The entry of a type (or command), or null. */
  JsonObject entry(String name) {
    return schema == null || name == null ? null : schema.entry(name);
  }

  /** The name of a command's arguments type, or null. */
  public String argType(String command) {
    JsonObject e = entry(command);
    return e == null || !"command".equals(str(e, "meta-type")) ? null : str(e, "arg-type");
  }

  /** The meta-type of a type: builtin, enum, array, object, alternate; null if unknown. */
  public String metaType(String type) {
    JsonObject e = entry(type);
    return e == null ? null : str(e, "meta-type");
  }

  /** A builtin's JSON type ({@code string}, {@code int}, {@code number}, {@code boolean}, {@code null}, {@code value}). */
  public String jsonType(String type) {
    JsonObject e = entry(type);
    return e == null ? null : str(e, "json-type");
  }

  /** An enum's values, in order. */
  public List<String> enumValues(String type) {
    JsonObject e = entry(type);
    List<String> values = new ArrayList<>();
    if (e != null && e.members().get("values") != null) {
      Json.elements(e.members().get("values")).forEach(v -> values.add(Json.string(v)));
    }
    return values;
  }

  /** An array's element type. */
  public String elementType(String type) {
    JsonObject e = entry(type);
    return e == null ? null : str(e, "element-type");
  }

  /** An alternate's branch types. */
  public List<String> alternatives(String type) {
    JsonObject e = entry(type);
    List<String> types = new ArrayList<>();
    if (e != null && "alternate".equals(str(e, "meta-type"))) {
      Json.elements(e.members().get("members")).forEach(m -> types.add(Json.string(Json.member(m, "type"))));
    }
    return types;
  }

  /** An object's own members (not its variants'). */
  public List<Member> members(String type) {
    JsonObject e = entry(type);
    List<Member> members = new ArrayList<>();
    if (e != null && e.members().get("members") != null && "object".equals(str(e, "meta-type"))) {
      for (JsonValue m : Json.elements(e.members().get("members"))) {
        JsonObject o = (JsonObject) m;
        members.add(new Member(str(o, "name"), str(o, "type"), o.members().containsKey("default")));
      }
    }
    return members;
  }

  /** An object's tag member (a union's discriminator), or null. */
  public String tag(String type) {
    JsonObject e = entry(type);
    return e == null ? null : str(e, "tag");
  }

  /** A union's variants: case to the type of its members, in order. */
  public Map<String, String> variants(String type) {
    JsonObject e = entry(type);
    Map<String, String> v = new LinkedHashMap<>();
    if (e != null && e.members().get("variants") != null) {
      for (JsonValue x : Json.elements(e.members().get("variants"))) {
        v.put(Json.string(Json.member(x, "case")), Json.string(Json.member(x, "type")));
      }
    }
    return v;
  }

  /**
   * The members an object of this type has, given what its value holds so far: its own, then
   * those of the variant its tag selects (if the tag is set).
   */
  public List<Member> membersGiven(String type, Map<?, ?> value) {
    List<Member> all = new ArrayList<>(members(type));
    String tag = tag(type);
    if (tag != null && value != null && value.get(tag) instanceof String c) {
      String variant = variants(type).get(c);
      if (variant != null) {
        all.addAll(members(variant));
      }
    }
    return all;
  }

  private static String str(JsonObject o, String member) {
    JsonValue v = o.members().get(member);
    return v instanceof JsonValue.JsonString s ? s.value() : null;
  }
}
