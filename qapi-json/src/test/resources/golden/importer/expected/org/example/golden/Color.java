package org.example.golden;

import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.If;

/**
 * A conditional enum with a prefix, conditional values and features.
 */
@If("CONFIG_COLOR")
@Feature("my-feature")
public enum Color {
  /**
   * red
   */
  RED,

  /**
   * green, with CONFIG_GREEN
   */
  @If("CONFIG_GREEN")
  GREEN,

  /**
   * blue, deprecated
   */
  @Feature("deprecated")
  BLUE
}
