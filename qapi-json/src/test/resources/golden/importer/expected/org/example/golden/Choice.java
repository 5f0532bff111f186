package org.example.golden;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Name;

/**
 * An alternate with a feature, a condition and an enum branch.
 */
@If("CONFIG_CHOICE")
@Feature("alt-feature")
@Alternate
public sealed interface Choice {
  /**
   * an enum
   */
  @Name("arch")
  record ArchBranch(Arch value) implements Choice {}

  /**
   * an object
   */
  record XObj(Child value) implements Choice {}
}
