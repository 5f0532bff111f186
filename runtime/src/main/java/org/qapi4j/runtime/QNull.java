package org.qapi4j.runtime;

/**
 * QAPI's built-in type {@code null}: the JSON value {@code null}, and nothing else. Its one value
 * is {@link #INSTANCE}. An alternate uses it for "explicitly no value", as QEMU's
 * {@code StrOrNull} does: {@code record N(QNull value) implements StrOrNull {}}.
 */
public final class QNull {
  /** The JSON {@code null}. */
  public static final QNull INSTANCE = new QNull();

  private QNull() {}

  @Override
  public String toString() {
    return "null";
  }
}
