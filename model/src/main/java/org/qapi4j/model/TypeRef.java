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
  }
}
