package org.qapi4j.model.check;

import java.util.Map;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;

/** Command flags and results ({@code expr.py check_flags}, {@code schema.py QAPISchemaCommand}). */
final class CommandRules implements Check {
  @Override
  public void check(Schema schema, Reporter r) {
    Map<String, Definition> byName = schema.byName();
    for (CommandDef c : schema.all(CommandDef.class)) {
      if (c.allowOob() && c.coroutine()) {
        r.error(Rule.FLAG_OOB_COROUTINE, c, c.origin().attribute("coroutine"),
            "flags 'allow-oob' and 'coroutine' are incompatible");
      }
      if (c.async() && c.allowOob()) {
        r.error(Rule.FLAG_ASYNC, c, c.origin().attribute("allowOob"),
            "an asynchronous command (returning a CompletionStage) cannot be 'allow-oob': an out-of-band"
                + " command answers at once, on the I/O thread");
      }
      if (c.async() && c.coroutine()) {
        r.error(Rule.FLAG_ASYNC, c, c.origin().attribute("coroutine"),
            "an asynchronous command (returning a CompletionStage) cannot be 'coroutine': it does not"
                + " hold up the next request, a coroutine command does; choose one");
      }
      if (!c.successResponse() && c.returns().isPresent()) {
        r.error(Rule.SUCCESS_RESPONSE_RETURNS, c, c.origin().attribute("successResponse"),
            "'success-response': false and 'returns' are incompatible: no reply would carry the"
                + " result (QEMU 7.2's generator accepts this; the command then aborts QEMU when"
                + " it succeeds)");
      }
      c.returns().ifPresent(ret -> checkReturns(schema, byName, c, ret, r));
    }
    for (org.qapi4j.model.EventDef e : schema.all(org.qapi4j.model.EventDef.class)) {
      String key = e.throttle().flatMap(org.qapi4j.model.EventDef.Throttle::key).orElse(null);
      if (key == null) {
        continue;
      }
      boolean member = e.data().map(byName::get).filter(StructDef.class::isInstance)
          .map(d -> UnionRules.flat((StructDef) d, byName).stream().anyMatch(m -> m.name().equals(key)))
          .orElse(false);
      if (!member) {
        r.error(Rule.EVENT_THROTTLE_KEY, e, e.origin().attribute("throttleKey"),
            "throttle key '" + key + "' is not a member of the event's data");
      }
    }
  }

  private static void checkReturns(
      Schema schema, Map<String, Definition> byName, CommandDef c, TypeRef ret, Reporter r) {
    if (schema.pragmas().commandReturnsExceptions().contains(c.name())) {
      return;
    }
    TypeRef element = ret instanceof TypeRef.Array a ? a.element() : ret;
    if (element instanceof TypeRef.Array || !Types.isType(byName, element.qapiName())) {
      return; // reported by DefinitionRules
    }
    Definition d = byName.get(element.qapiName());
    if (!(d instanceof StructDef) && !(d instanceof org.qapi4j.model.UnionDef)) {
      r.error(Rule.CMD_RETURNS_KIND, c, c.origin().attribute("returns"),
          "command's 'returns' cannot take " + Types.describe(byName, ret));
    }
  }
}
