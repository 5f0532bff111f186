package org.qapi4j.model;

import java.util.List;

/**
 * A member of an object type: a struct member, or a command's or event's argument.
 *
 * @param name the wire name
 * @param type the member's type
 * @param optional QAPI's {@code '*name'}
 * @param javaName the record component or parameter it is bound to
 * @param javaType its declared Java type
 */
public record Member(
    String name,
    TypeRef type,
    boolean optional,
    List<Feature> features,
    Condition condition,
    Origin origin,
    String javaName,
    JavaType javaType) {
  public Member {
    features = List.copyOf(features);
  }

  /** The member's name as QEMU prints it in messages: {@code '*name'} when optional. */
  public String describedName() {
    return optional ? "*" + name : name;
  }
}
