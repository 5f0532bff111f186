package org.qapi4j.model;

import java.util.List;
import java.util.Optional;

/**
 * A union (QAPI {@code 'union'}): a base struct with an enum-typed discriminator member, and for
 * each discriminator value a branch struct whose members follow the base's in the same object.
 * Values without a branch carry no more members.
 *
 * @param base the base struct's name
 * @param discriminator the name of the base member whose value selects the branch
 * @param variants the explicit branches
 * @param javaType the sealed interface it is bound to
 * @param javaOther the record holding the values without a branch, if there is one
 * @param javaBase the record component (of every variant record) that holds the base
 */
public record UnionDef(
    String name,
    String base,
    String discriminator,
    List<Variant> variants,
    List<Feature> features,
    Condition condition,
    Origin origin,
    Optional<JavaType> javaType,
    Optional<JavaType> javaOther,
    String javaBase)
    implements Definition {
  public UnionDef {
    variants = List.copyOf(variants);
    features = List.copyOf(features);
  }

  @Override
  public String meta() {
    return "union";
  }
}
