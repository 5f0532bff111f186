package org.qapi4j.model;

import java.util.List;
import java.util.Optional;

/**
 * The type QAPI predefines besides the built-ins: the enum {@code QType}, the JSON type of a
 * value ({@code none}, {@code qnull}, {@code qnum}, {@code qstring}, {@code qdict}, {@code qlist},
 * {@code qbool}). A schema uses it by name and never defines it; a front end adds this definition
 * to the schema when something refers to it, so that checks, marshalling and introspection treat
 * it as any enum.
 */
public final class Predefined {
  /** The name of the predefined enum. */
  public static final String QTYPE = "QType";

  /** Its Java form, {@code org.qapi4j.runtime.QType}. */
  public static final JavaType QTYPE_JAVA = JavaType.of("org.qapi4j.runtime", List.of("QType"));

  private static final List<String> QTYPE_VALUES =
      List.of("none", "qnull", "qnum", "qstring", "qdict", "qlist", "qbool");

  private Predefined() {}

  /** The definition of {@code QType}, bound to {@link #QTYPE_JAVA}, as QEMU predefines it. */
  public static EnumDef qtype() {
    List<EnumValue> values =
        QTYPE_VALUES.stream()
            .map(v -> new EnumValue(v, List.of(), Condition.ALWAYS, Origin.NONE, v.toUpperCase(java.util.Locale.ROOT)))
            .toList();
    return new EnumDef(
        QTYPE, values, Optional.of("QTYPE"), List.of(), Condition.ALWAYS, Origin.NONE,
        Optional.of(QTYPE_JAVA), true);
  }
}
