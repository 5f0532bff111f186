package org.qapi4j.model.check;

import java.util.List;
import org.qapi4j.model.Schema;

/**
 * Runs every rule over a schema and returns all violations, not just the first, in definition
 * order. A name that breaks a naming rule takes no part in the clash checks, so one mistake gives
 * one error.
 */
public final class SchemaChecker {
  private final List<Check> checks =
      List.of(
          new NameRules(),
          new DefinitionRules(),
          new BaseRules(),
          new UnionRules(),
          new CommandRules(),
          new FeatureRules(),
          new ConditionRules());

  public List<Diagnostic> check(Schema schema) {
    Reporter reporter = new Reporter(schema);
    for (Check check : checks) {
      check.check(schema, reporter);
    }
    return reporter.diagnostics();
  }
}
