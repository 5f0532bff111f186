package org.qapi4j.model.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Feature;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;

/** Features: no duplicates; the special ones only where QEMU supports them. */
final class FeatureRules implements Check {
  @Override
  public void check(Schema schema, Reporter r) {
    Map<Definition, Definition> owners = Owners.of(schema);
    for (Definition d : schema.definitions()) {
      Definition in = owners.get(d);
      checkDuplicates(d.features(), null, in, r);
      boolean isType = !(d instanceof CommandDef) && !(d instanceof EventDef);
      if (isType && !d.implicit()) {
        for (Feature f : d.features()) {
          if (f.special()) {
            r.error(Rule.FEATURE_SPECIAL_ON_TYPE, in, f.origin(),
                "feature '" + f.name() + "' is not supported for types");
          }
        }
      }
      if (d instanceof StructDef s) {
        for (Member m : s.members()) {
          checkDuplicates(m.features(), m.name(), in, r);
        }
      } else if (d instanceof EnumDef e) {
        for (EnumValue v : e.values()) {
          checkDuplicates(v.features(), v.name(), in, r);
        }
      }
    }
  }

  private static void checkDuplicates(List<Feature> features, String owner, Definition in, Reporter r) {
    Map<String, Feature> seen = new HashMap<>();
    String of = owner == null ? "" : " of type '" + owner + "'";
    for (Feature f : features) {
      Feature twin = seen.putIfAbsent(f.name(), f);
      if (twin != null) {
        r.error(Rule.FEATURE_DUPLICATE, in, f.origin(),
            "feature '" + f.name() + "'" + of + " collides with feature '" + twin.name() + "'" + of);
      }
    }
  }
}
