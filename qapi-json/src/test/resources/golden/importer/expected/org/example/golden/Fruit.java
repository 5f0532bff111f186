package org.example.golden;

import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Union;

/**
 * A union with a named base and a branch for every value.
 */
@If("any(CONFIG_A, CONFIG_B)")
@Feature("fruity")
@Union(discriminator = "type")
public sealed interface Fruit {
  @Name("apple")
  record AppleBranch(FruitBase base, Apple data) implements Fruit {}

  @Name("pear")
  record PearBranch(FruitBase base, Pear data) implements Fruit {}
}
