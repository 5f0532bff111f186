package org.qapi4j.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A struct (QAPI {@code 'struct'}), or the implicit object type QAPI makes of a command's or event's
 * inline arguments ({@code q_obj_NAME-arg}).
 *
 * @param base the name of the struct whose members come first, if any
 * @param javaType the record it is bound to; empty for implicit types
 * @param javaBase the record component that holds the base, if any
 */
public record StructDef(
    String name,
    Optional<String> base,
    List<Member> members,
    List<Feature> features,
    Condition condition,
    Origin origin,
    boolean implicit,
    Optional<JavaType> javaType,
    Optional<String> javaBase)
    implements Definition {
  public StructDef {
    members = List.copyOf(members);
    features = List.copyOf(features);
  }

  /** A struct whose base, if any, is not held by a record component of its own. */
  public StructDef(
      String name,
      Optional<String> base,
      List<Member> members,
      List<Feature> features,
      Condition condition,
      Origin origin,
      boolean implicit,
      Optional<JavaType> javaType) {
    this(name, base, members, features, condition, origin, implicit, javaType, Optional.empty());
  }

  /** The implicit argument type of command or event {@code owner}, as QEMU names it. */
  public static String implicitArgumentsName(String owner) {
    return "q_obj_" + owner + "-arg";
  }

  /**
   * The members of a command's or event's inline arguments ({@code data} naming an implicit
   * type); none for any other {@code data}, or none.
   */
  public static List<Member> implicitMembers(Optional<String> data, Map<String, Definition> byName) {
    return data.map(byName::get)
        .filter(t -> t instanceof StructDef s && s.implicit())
        .map(t -> ((StructDef) t).members())
        .orElse(List.of());
  }

  /**
   * This struct's members as on the wire, its bases' first; empty if a base is no struct, or the
   * chain of bases comes back to one it has passed.
   */
  public Optional<List<Member>> withBases(Map<String, Definition> byName) {
    List<StructDef> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (StructDef t = this; ; ) {
      if (!seen.add(t.name())) {
        return Optional.empty();
      }
      chain.add(0, t);
      if (t.base().isEmpty()) {
        break;
      }
      if (!(byName.get(t.base().get()) instanceof StructDef base)) {
        return Optional.empty();
      }
      t = base;
    }
    List<Member> out = new ArrayList<>();
    chain.forEach(t -> out.addAll(t.members()));
    return Optional.of(out);
  }

  @Override
  public String meta() {
    return "struct";
  }
}
