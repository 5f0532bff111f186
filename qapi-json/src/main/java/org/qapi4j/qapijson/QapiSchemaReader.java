package org.qapi4j.qapijson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Feature;
import org.qapi4j.model.Member;
import org.qapi4j.model.Origin;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.model.Variant;
import org.qapi4j.model.check.Diagnostic;
import org.qapi4j.model.check.SchemaChecker;

/**
 * The QAPI JSON front end: parses a schema with its includes, checks each expression, builds the
 * schema model, runs the same checks as the processor, then checks the doc comments — and prints
 * every error as QEMU's generator does ({@code FILE:LINE: message}, with its context lines).
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
   * @param schemaErrors the errors the model checks found (the ones a Java schema can have too),
   *     a part of {@code errors}
   * @param files the schema files read, the main file first, then each included file in the order
   *     they were first included, named as in the errors (relative to the directory the schema
   *     was read against, unless named by an absolute path); empty when the parse failed
   */
  public record Result(
      Optional<Schema> schema,
      List<String> errors,
      List<QapiDoc> docs,
      Map<String, QapiDoc> docsByDefinition,
      List<String> schemaErrors,
      List<String> files) {
    public boolean ok() {
      return errors.isEmpty();
    }

    /** The errors only the JSON form can have: syntax, expression shape, doc comments. */
    public List<String> jsonOnlyErrors() {
      return errors.stream().filter(e -> !schemaErrors.contains(e)).toList();
    }

    /**
     * The schema's documentation, for a reference manual: one module per file (in {@code files}
     * order), its free-form comments and definitions in source order, each definition's comment.
     * Empty when the schema could not be built.
     */
    public org.qapi4j.model.doc.SchemaDoc doc() {
      return schema.map(s -> SchemaDocs.of(s, docs, docsByDefinition, files))
          .orElse(org.qapi4j.model.doc.SchemaDoc.EMPTY);
    }
  }

  private QapiSchemaReader() {}

  /** Reads {@code fname} (resolved against {@code baseDir}, named in messages as given). */
  public static Result read(Path baseDir, String fname) {
    QapiParser.Parsed parsed;
    try {
      parsed = QapiParser.parse(baseDir, fname);
    } catch (QapiError e) {
      return new Result(Optional.empty(), List.of(e.format()), List.of(), Map.of(), List.of(), List.of());
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
      return new Result(Optional.empty(), errors, parsed.docs(), Map.of(), List.of(), parsed.files());
    }
    String name = fname.replaceAll("^.*/", "").replaceAll("\\.json$", "");
    Schema schema = SchemaBuilder.build(name, checked, parsed.pragmas().toModel(), parsed.files());
    List<String> schemaErrors = new ArrayList<>();
    for (Diagnostic d : inSourceOrder(new SchemaChecker().check(schema), checked)) {
      schemaErrors.add(format(d));
    }
    errors.addAll(schemaErrors);
    Map<String, QapiDoc> docs = new HashMap<>();
    for (Expression e : checked) {
      if (e.doc() != null) {
        docs.put(e.doc().symbol(), e.doc());
      }
    }
    errors.addAll(checkDocs(schema, docs));
    return new Result(Optional.of(schema), errors, parsed.docs(), docs, schemaErrors, parsed.files());
  }

  /**
   * The model's diagnostics in the order QEMU meets them: the model orders definitions by module
   * (a file's own before those it includes), but QEMU checks them in the order of the expressions,
   * an included file's where it is included. The errors QEMU finds while it builds the schema stay
   * first.
   */
  private static List<Diagnostic> inSourceOrder(List<Diagnostic> diagnostics, List<Expression> expressions) {
    Map<Origin, Integer> index = new HashMap<>();
    for (int i = 0; i < expressions.size(); i++) {
      index.putIfAbsent(expressions.get(i).info(), i);
    }
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(java.util.Comparator.<Diagnostic>comparingInt(d -> d.rule().whileBuilding() ? 0 : 1)
        .thenComparingInt(d -> index.getOrDefault(d.definition(), Integer.MAX_VALUE)));
    return sorted;
  }

  /** A model diagnostic as QEMU prints it. */
  static String format(Diagnostic d) {
    // QEMU reports every schema error at the definition being checked.
    StringBuilder sb = new StringBuilder(located(d.definition(), d.context(), d.message()));
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

  /** QEMU's {@code connect_doc} and {@code check_doc}, definition by definition. */
  private static List<String> checkDocs(Schema schema, Map<String, QapiDoc> docs) {
    List<String> errors = new ArrayList<>();
    Map<String, Definition> byName = schema.byName();
    for (Definition d : schema.definitions()) {
      QapiDoc doc = d.implicit() ? null : docs.get(d.name());
      if (doc == null) {
        continue;
      }
      try {
        for (Feature f : d.features()) {
          doc.connectFeature(f.name(), (SourceInfo) f.origin());
        }
        if (d instanceof StructDef s) {
          connectMembers(doc, s.members());
        } else if (d instanceof UnionDef u) {
          if (byName.get(u.base()) instanceof StructDef base && base.implicit()) {
            connectMembers(doc, base.members());
          }
        } else if (d instanceof AlternateDef a) {
          for (Variant v : a.variants()) {
            doc.connectMember(v.name());
          }
        } else if (d instanceof EnumDef e) {
          for (EnumValue v : e.values()) {
            doc.connectMember(v.name());
            for (Feature f : v.features()) {
              doc.connectFeature(f.name(), (SourceInfo) f.origin());
            }
          }
        } else if (d instanceof CommandDef c) {
          implicitArguments(doc, c.data(), byName);
        } else if (d instanceof EventDef e) {
          implicitArguments(doc, e.data(), byName);
        }
        doc.check();
      } catch (QapiError e) {
        errors.add(e.format());
      }
    }
    return errors;
  }

  private static void implicitArguments(QapiDoc doc, Optional<String> data, Map<String, Definition> byName)
      throws QapiError {
    if (data.isPresent() && byName.get(data.get()) instanceof StructDef s && s.implicit()) {
      connectMembers(doc, s.members());
    }
  }

  private static void connectMembers(QapiDoc doc, List<Member> members) throws QapiError {
    for (Member m : members) {
      doc.connectMember(m.name());
      for (Feature f : m.features()) {
        doc.connectFeature(f.name(), (SourceInfo) f.origin());
      }
    }
  }
}
