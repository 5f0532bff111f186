package org.qapi4j.model.check;

import java.util.ArrayList;
import java.util.List;
import org.qapi4j.model.Schema;
import org.qapi4j.model.doc.SchemaDoc;

/**
 * Runs every rule over a schema and returns all violations, not just the first, in definition
 * order. A name that breaks a naming rule takes no part in the clash checks, so one mistake gives
 * one error. Given the schema's documentation, the doc comments are checked against their
 * definitions too ({@link DocRules}).
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

  /** The rules on the definitions, without their documentation. */
  public List<Diagnostic> check(Schema schema) {
    return run(schema, checks);
  }

  /** The rules on the definitions and on their doc comments, {@code doc} being the schema's. */
  public List<Diagnostic> check(Schema schema, SchemaDoc doc) {
    List<Check> all = new ArrayList<>(checks);
    all.add(new DocRules(doc));
    return run(schema, all);
  }

  private static List<Diagnostic> run(Schema schema, List<Check> checks) {
    Reporter reporter = new Reporter(schema);
    for (Check check : checks) {
      check.check(schema, reporter);
    }
    return reporter.diagnostics();
  }
}
