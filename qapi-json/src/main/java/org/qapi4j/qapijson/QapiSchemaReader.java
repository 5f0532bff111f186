package org.qapi4j.qapijson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qapi4j.model.Origin;
import org.qapi4j.model.Schema;
import org.qapi4j.model.check.Diagnostic;
import org.qapi4j.model.check.Rule;
import org.qapi4j.model.check.SchemaChecker;
import org.qapi4j.model.doc.SchemaDoc;

/**
 * The QAPI JSON front end: parses a schema with its includes, checks each expression, builds the
 * schema model and its documentation, runs the same checks as the processor (the doc comments'
 * included) — and prints every error as QEMU's generator does ({@code FILE:LINE: message}, with
 * its context lines).
 *
 * <p>Syntax errors stop the parse. Expression errors are collected across expressions, but then no
 * model is built (it would only repeat them as unknown types). Model and doc errors are collected.
 */
public final class QapiSchemaReader {
  /**
   * The outcome of reading a schema.
   *
   * @param schema the schema model, when it could be built (it may still have {@code errors})
   * @param errors every error, formatted as QEMU prints it (each may span several lines)
   * @param docs the doc comments of the schema and its includes, in order
   * @param docsByDefinition each definition's doc comment, by definition name
   * @param schemaErrors the errors the model's checks of the definitions found (the ones a Java
   *     schema can have too), a part of {@code errors}; not those of the doc comments
   * @param files the schema files read, the main file first, then each included file in the order
   *     they were first included, named as in the errors (relative to the directory the schema
   *     was read against, unless named by an absolute path); empty when the parse failed
   * @param doc the schema's documentation, for a reference manual: one module per file (in
   *     {@code files} order), its free-form comments and definitions in source order, each
   *     definition's comment; empty when the schema could not be built
   */
  public record Result(
      Optional<Schema> schema,
      List<String> errors,
      List<QapiDoc> docs,
      Map<String, QapiDoc> docsByDefinition,
      List<String> schemaErrors,
      List<String> files,
      SchemaDoc doc) {
    public boolean ok() {
      return errors.isEmpty();
    }

    /** The errors only the JSON form can have: syntax, expression shape, doc comments. */
    public List<String> jsonOnlyErrors() {
      return errors.stream().filter(e -> !schemaErrors.contains(e)).toList();
    }
  }

  private QapiSchemaReader() {}

  /** Reads {@code fname} (resolved against {@code baseDir}, named in messages as given). */
  public static Result read(Path baseDir, String fname) {
    QapiParser.Parsed parsed;
    try {
      parsed = QapiParser.parse(baseDir, fname);
    } catch (QapiError e) {
      return new Result(
          Optional.empty(), List.of(e.format()), List.of(), Map.of(), List.of(), List.of(), SchemaDoc.EMPTY);
    }
    List<String> errors = new ArrayList<>();
    List<Expression> checked = new ArrayList<>();
    ExprChecker exprChecker = new ExprChecker(parsed.pragmas());
    for (Expression e : parsed.expressions()) {
      try {
        checked.add(exprChecker.check(e));
      } catch (QapiError err) {
        errors.add(err.format());
      }
    }
    if (!errors.isEmpty()) {
      return new Result(Optional.empty(), errors, parsed.docs(), Map.of(), List.of(), parsed.files(), SchemaDoc.EMPTY);
    }
    String name = fname.replaceAll("^.*/", "").replaceAll("\\.json$", "");
    Schema schema = SchemaBuilder.build(name, checked, parsed.pragmas().toModel(), parsed.files());
    Map<String, QapiDoc> docs = new HashMap<>();
    for (Expression e : checked) {
      if (e.doc() != null) {
        docs.put(e.doc().symbol(), e.doc());
      }
    }
    SchemaDoc doc = SchemaDocs.of(schema, parsed.docs(), docs, parsed.files());
    List<String> schemaErrors = new ArrayList<>();
    for (Diagnostic d : inSourceOrder(new SchemaChecker().check(schema, doc), checked)) {
      String error = format(d);
      errors.add(error);
      if (d.rule().phase() != Rule.Phase.DOCS) {
        schemaErrors.add(error);
      }
    }
    return new Result(Optional.of(schema), errors, parsed.docs(), docs, schemaErrors, parsed.files(), doc);
  }

  /**
   * The model's diagnostics in the order QEMU meets them: the model orders definitions by module
   * (a file's own before those it includes), but QEMU checks them in the order of the expressions,
   * an included file's where it is included. The errors QEMU finds while it builds the schema stay
   * first, the doc comments' last ({@link Rule#phase()}).
   */
  private static List<Diagnostic> inSourceOrder(List<Diagnostic> diagnostics, List<Expression> expressions) {
    Map<Origin, Integer> index = new HashMap<>();
    for (int i = 0; i < expressions.size(); i++) {
      index.putIfAbsent(expressions.get(i).info(), i);
    }
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(java.util.Comparator.<Diagnostic>comparingInt(d -> d.rule().phase().ordinal())
        .thenComparingInt(d -> index.getOrDefault(d.definition(), Integer.MAX_VALUE)));
    return sorted;
  }

  /** A model diagnostic as QEMU prints it. */
  static String format(Diagnostic d) {
    // QEMU reports every schema error at the definition being checked; a doc comment's, at the
    // comment (or at the feature it does not document).
    Origin at = d.rule().phase() == Rule.Phase.DOCS ? d.origin() : d.definition();
    StringBuilder sb = new StringBuilder(located(at, d.context(), d.message()));
    d.note().ifPresent(n -> {
      String message = n.message();
      String context = "";
      if (message.startsWith("In ") && message.contains("': ")) {
        int cut = message.indexOf("': ") + 2;
        context = message.substring(0, cut);
        message = message.substring(cut + 1);
      }
      sb.append('\n').append(located(n.origin(), context, message));
    });
    return sb.toString();
  }

  private static String located(Origin origin, String context, String message) {
    if (!(origin instanceof SourceInfo info)) {
      return (context.isEmpty() ? "" : context + " ") + message;
    }
    return info.includePath()
        + (context.isEmpty() ? "" : info.fname() + ": " + context + "\n")
        + info.loc() + ": " + message;
  }
}
