package org.qapi4j.model;

import java.util.List;
import java.util.Set;

/**
 * A QAPI {@code 'if'} condition: a configuration symbol, or all/any/not of conditions. Evaluated
 * against the set of symbols a build defines.
 */
public sealed interface Condition {
  /** The condition that always holds: no {@code 'if'}. */
  Condition ALWAYS = new All(List.of());

  boolean holds(Set<String> defined);

  /** A configuration symbol such as {@code CONFIG_SPICE}. */
  record Symbol(String name) implements Condition {
    @Override
    public boolean holds(Set<String> defined) {
      return defined.contains(name);
    }
  }

  record All(List<Condition> operands) implements Condition {
    public All {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean holds(Set<String> defined) {
      return operands.stream().allMatch(c -> c.holds(defined));
    }
  }

  record Any(List<Condition> operands) implements Condition {
    public Any {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean holds(Set<String> defined) {
      return operands.stream().anyMatch(c -> c.holds(defined));
    }
  }

  record Not(Condition operand) implements Condition {
    @Override
    public boolean holds(Set<String> defined) {
      return !operand.holds(defined);
    }
  }
}
