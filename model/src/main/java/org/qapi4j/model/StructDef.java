package org.qapi4j.model;

import java.util.List;
import java.util.Optional;

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

  @Override
  public String meta() {
    return "struct";
  }
}
