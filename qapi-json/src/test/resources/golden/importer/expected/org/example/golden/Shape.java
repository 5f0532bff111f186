package org.example.golden;

import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Union;

/**
 * A union with an inline base and a value without a branch, listed in
 * member-name-exceptions (which the Java form says of the base's record too).
 *
 * <p>Since: 7.2
 */
@Union(discriminator = "kind")
public sealed interface Shape {
  @Name("circle")
  record CircleBranch(ShapeBase base, Circle data) implements Shape {}

  @Name("square")
  @If("CONFIG_SQUARE")
  record SquareBranch(ShapeBase base, Square data) implements Shape {}

  @Name("3d-box")
  record V3dBox(ShapeBase base, Empty data) implements Shape {}

  /**
   * The values of 'kind' without a branch: the base alone.
   */
  record NoBranch(ShapeBase base) implements Shape {}
}
