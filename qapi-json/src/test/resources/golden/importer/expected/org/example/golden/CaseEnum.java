package org.example.golden;

import org.qapi4j.annotations.Name;

/**
 * CaseEnum.
 */
public enum CaseEnum {
  /**
   * upper case, allowed by member-name-exceptions
   */
  @Name("Ab")
  AB,

  /**
   * lower case, the same Java constant
   */
  @Name("ab")
  AB_2,

  /**
   * an underscore
   */
  @Name("a_b")
  A_B,

  /**
   * a dash
   */
  A_C
}
