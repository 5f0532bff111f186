package org.qapi4j.model.check;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.Feature;
import org.qapi4j.model.Member;
import org.qapi4j.model.Origin;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.Variant;

/** Conditions ({@code expr.py check_if}): every symbol is an identifier in upper case. */
final class ConditionRules implements Check {
  private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9_]*");

  @Override
  public void check(Schema schema, Reporter r) {
    Map<Definition, Definition> owners = Owners.of(schema);
    for (Definition d : schema.definitions()) {
      Definition in = owners.get(d);
      if (!d.implicit()) {
        symbols(d.condition(), d.meta(), in, d.origin().attribute("if"), r);
      }
      features(d.features(), in, r);
      if (d instanceof StructDef s) {
        for (Member m : s.members()) {
          symbols(m.condition(), "'data' member '" + m.describedName() + "'", in, m.origin().attribute("if"), r);
          features(m.features(), in, r);
        }
      } else if (d instanceof EnumDef e) {
        for (EnumValue v : e.values()) {
          symbols(v.condition(), "'data' member '" + v.name() + "'", in, v.origin().attribute("if"), r);
          features(v.features(), in, r);
        }
      } else if (d instanceof UnionDef u) {
        variants(u.variants(), in, r);
      } else if (d instanceof AlternateDef a) {
        variants(a.variants(), in, r);
      }
    }
  }

  private static void variants(List<Variant> variants, Definition in, Reporter r) {
    for (Variant v : variants) {
      symbols(v.condition(), "'data' member '" + v.name() + "'", in, v.origin().attribute("if"), r);
    }
  }

  private static void features(List<Feature> features, Definition in, Reporter r) {
    for (Feature f : features) {
      symbols(f.condition(), "'features' member '" + f.name() + "'", in, f.origin().attribute("condition"), r);
    }
  }

  /** Reports each symbol of {@code c} that is not an identifier; {@code source} is QEMU's description. */
  private static void symbols(Condition c, String source, Definition in, Origin at, Reporter r) {
    if (c instanceof Condition.Symbol s) {
      if (!SYMBOL.matcher(s.name()).matches()) {
        r.error(Rule.IF_IDENTIFIER, in, at,
            "'if' condition '" + s.name() + "' of " + source + " is not a valid identifier");
      }
    } else if (c instanceof Condition.Not n) {
      symbols(n.operand(), source, in, at, r);
    } else if (c instanceof Condition.All a) {
      a.operands().forEach(o -> symbols(o, source, in, at, r));
    } else if (c instanceof Condition.Any a) {
      a.operands().forEach(o -> symbols(o, source, in, at, r));
    }
  }
}
