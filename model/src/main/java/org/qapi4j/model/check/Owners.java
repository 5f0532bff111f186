package org.qapi4j.model.check;

import java.util.Map;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Schema;

/**
 * The definition a diagnostic is reported in: QEMU reports errors in a command's implicit argument
 * type as errors in the command.
 */
final class Owners {
  private Owners() {}

  static Map<Definition, Definition> of(Schema schema) {
    Map<String, Definition> byName = schema.byName();
    // By identity: records hash deeply, and two definitions may be equal (duplicates).
    Map<Definition, Definition> owner = new java.util.IdentityHashMap<>();
    for (Definition d : schema.definitions()) {
      owner.putIfAbsent(d, d);
      String data =
          d instanceof CommandDef c ? c.data().orElse(null)
              : d instanceof EventDef e ? e.data().orElse(null)
              : d instanceof org.qapi4j.model.UnionDef u ? u.base()
              : null;
      Definition implicit = data == null ? null : byName.get(data);
      if (implicit != null && implicit.implicit()) {
        owner.put(implicit, d);
      }
    }
    return owner;
  }
}
