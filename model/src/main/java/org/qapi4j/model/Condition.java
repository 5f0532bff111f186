package org.qapi4j.model;

import java.util.List;
import java.util.Set;

/**
 * A QAPI {@code 'if'} condition: a configuration symbol, or all/any/not of conditions. Evaluated
 * against the set of symbols a build defines.
 */
public sealed interface Condition {
  // The records write out equals and hashCode: a record's generated ones are bootstrapped on first
  // use, which costs the processor's fresh JVM (one per javac run) more than all the comparisons.

  /** The condition that always holds: no {@code 'if'}. */
  Condition ALWAYS = new All(List.of());

  boolean holds(Set<String> defined);

  /** A configuration symbol such as {@code CONFIG_SPICE}. */
  record Symbol(String name) implements Condition {
    @Override
    public boolean holds(Set<String> defined) {
      return defined.contains(name);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Symbol x && name.equals(x.name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
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

    @Override
    public boolean equals(Object o) {
      return o instanceof All x && operands.equals(x.operands);
    }

    @Override
    public int hashCode() {
      return operands.hashCode();
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

    @Override
    public boolean equals(Object o) {
      return o instanceof Any x && operands.equals(x.operands);
    }

    @Override
    public int hashCode() {
      return ~operands.hashCode();
    }
  }

  record Not(Condition operand) implements Condition {
    @Override
    public boolean holds(Set<String> defined) {
      return !operand.holds(defined);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Not x && operand.equals(x.operand);
    }

    @Override
    public int hashCode() {
      return 31 * operand.hashCode() + 7;
    }
  }
}
