package org.example.golden;

import org.qapi4j.annotations.Name;

/**
 * Architectures, with values Java cannot spell as they are.
 *
 * <p>Since: 7.2
 */
public enum Arch {
  /**
   * starts with a digit
   */
  @Name("3d")
  _3D,

  /**
   * a plain value
   */
  AARCH64,

  /**
   * has a dash
   */
  PPC_64,

  /**
   * experimental
   */
  X_EXPERIMENTAL,

  /**
   * a vendor's value
   */
  @Name("__org.qemu_x-value")
  __ORG_QEMU_X_VALUE
}
