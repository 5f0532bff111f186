package org.example.golden;

import org.qapi4j.annotations.Name;

/**
 * ShapeKind.
 */
public enum ShapeKind {
  /**
   * a circle
   */
  CIRCLE,

  /**
   * a square
   */
  SQUARE,

  /**
   * a box
   */
  @Name("3d-box")
  _3D_BOX,

  /**
   * a point, which has no branch
   */
  POINT
}
