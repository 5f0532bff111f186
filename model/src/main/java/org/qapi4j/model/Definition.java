package org.qapi4j.model;

import java.util.List;

/** A named definition of the schema: a type, a command or an event. */
public sealed interface Definition
    permits StructDef, EnumDef, UnionDef, AlternateDef, CommandDef, EventDef {
  /** The wire name. */
  String name();

  /** QAPI's word for the kind of definition: {@code struct}, {@code enum}, {@code command}... */
  String meta();

  List<Feature> features();

  Condition condition();

  Origin origin();

  /** True for the types QAPI makes up itself (a command's argument object). */
  default boolean implicit() {
    return false;
  }
}
