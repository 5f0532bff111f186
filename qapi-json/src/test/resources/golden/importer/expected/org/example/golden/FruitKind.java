package org.example.golden;

/**
 * FruitKind.
 */
public enum FruitKind {
  /**
   * an apple
   */
  APPLE,

  /**
   * a pear
   */
  PEAR
}
