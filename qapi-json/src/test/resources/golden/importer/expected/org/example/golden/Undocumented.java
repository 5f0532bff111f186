package org.example.golden;

/**
 * An enum whose values have no doc.
 */
public enum Undocumented {
  ONE,

  TWO
}
