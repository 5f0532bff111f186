package org.qapi4j.model;

/** A reference to a type by its QAPI name, or an array of such ({@code ['T']}). */
public sealed interface TypeRef {
  /** The name QAPI gives the type: {@code str}, {@code StatusInfo}, {@code CommandInfoList}. */
  String qapiName();

  static TypeRef named(String name) {
    return new Named(name);
  }

  static TypeRef arrayOf(TypeRef element) {
    return new Array(element);
  }

  record Named(String name) implements TypeRef {
    @Override
    public String qapiName() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }

    // Written out: a record's generated equals and hashCode are bootstrapped on first use, which
    // costs a javac run (the processor's JVM is a fresh one) more than all the comparisons after.
    @Override
    public boolean equals(Object o) {
      return o instanceof Named n && name.equals(n.name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }

  /** QAPI allows one level only; a nested array is representable so that it can be rejected. */
  record Array(TypeRef element) implements TypeRef {
    @Override
    public String qapiName() {
      return element.qapiName() + "List";
    }

    @Override
    public String toString() {
      return "[" + element + "]";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Array a && element.equals(a.element);
    }

    @Override
    public int hashCode() {
      return 31 * element.hashCode() + 1;
    }
  }
}
