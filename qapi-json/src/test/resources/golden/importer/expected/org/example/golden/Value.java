package org.example.golden;

import java.util.List;
import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Type;
import org.qapi4j.runtime.QNull;

/**
 * An alternate of every JSON kind but string, which would conflict with
 * the other scalars.
 */
@Alternate
public sealed interface Value {
  /**
   * an unsigned integer
   */
  record I(@Type("uint32") long value) implements Value {}

  /**
   * a boolean
   */
  record B(boolean value) implements Value {}

  /**
   * an object
   */
  record O(Parent value) implements Value {}

  /**
   * a list
   */
  record L(List<String> value) implements Value {}

  /**
   * null
   */
  @If("CONFIG_NULL")
  record Nothing(QNull value) implements Value {}
}
