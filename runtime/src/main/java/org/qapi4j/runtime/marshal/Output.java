package org.qapi4j.runtime.marshal;

import tools.jackson.core.JsonGenerator;

/** What generated writers call for the values Jackson would print differently from QEMU. */
public final class Output {
  private Output() {}

  /**
   * A value the application wants to write that does not exist in the configuration the code was
   * generated for (an enum value, branch or variant whose {@code @If} fails): a bug of the
   * application, as calling a function {@code #if}'d out of QEMU would be.
   */
  public static IllegalArgumentException absent(String type, Object value) {
    return new IllegalArgumentException(
        value + " of " + type + " does not exist in this configuration (its @If condition fails)");
  }

  /** QAPI {@code uint64} and {@code size}: the long's 64 bits as an unsigned number. */
  public static void uint64(JsonGenerator out, long value) {
    if (value >= 0) {
      out.writeNumber(value);
    } else {
      out.writeNumber(Long.toUnsignedString(value));
    }
  }

  /** QAPI {@code any}: a JSON tree, printed as QEMU prints a value it holds. */
  public static void any(JsonGenerator out, org.qapi4j.runtime.json.JsonValue value) {
    org.qapi4j.runtime.json.QmpJson.write(out, value);
  }

  /** QAPI {@code number}, formatted as QEMU formats a double: C's {@code %.17g}. */
  public static void number(JsonGenerator out, double value) {
    out.writeNumber(formatDouble(value));
  }

  /** C's {@code printf("%.17g", value)}: {@link org.qapi4j.runtime.json.QmpJson#formatDouble}. */
  public static String formatDouble(double value) {
    return org.qapi4j.runtime.json.QmpJson.formatDouble(value);
  }

}
