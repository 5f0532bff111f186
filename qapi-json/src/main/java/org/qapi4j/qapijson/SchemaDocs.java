package org.qapi4j.qapijson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qapi4j.model.Definition;
import org.qapi4j.model.Schema;
import org.qapi4j.model.doc.DefinitionDoc;
import org.qapi4j.model.doc.ModuleDoc;
import org.qapi4j.model.doc.SchemaDoc;

/**
 * The documentation model of a QAPI JSON schema: one module per file, in the order the files were
 * first included; in each, the free-form comments and the definitions in source order. Each
 * definition's comment is there as written too, for the model's doc rules.
 */
final class SchemaDocs {
  private SchemaDocs() {}

  private record Placed(int line, ModuleDoc.Part part) {}

  static SchemaDoc of(Schema schema, List<QapiDoc> docs, Map<String, QapiDoc> byDefinition, List<String> files) {
    Map<String, List<Placed>> byFile = new LinkedHashMap<>();
    for (String f : files) {
      byFile.putIfAbsent(f, new ArrayList<>());
    }
    for (QapiDoc doc : docs) {
      if (doc.symbol() == null && !doc.bodyText().isBlank()) {
        byFile.computeIfAbsent(doc.info().fname(), f -> new ArrayList<>())
            .add(new Placed(doc.info().line(), new ModuleDoc.Text(doc.bodyText().strip())));
      }
    }
    Map<String, DefinitionDoc> definitions = new LinkedHashMap<>();
    for (Definition d : schema.definitions()) {
      if (d.implicit() || !(d.origin() instanceof SourceInfo info)) {
        continue;
      }
      byFile.computeIfAbsent(info.fname(), f -> new ArrayList<>())
          .add(new Placed(info.line(), new ModuleDoc.Definition(d.name())));
      QapiDoc doc = byDefinition.get(d.name());
      if (doc != null) {
        definitions.put(d.name(), definitionDoc(d.name(), doc));
      }
    }
    String main = files.isEmpty() ? "" : files.get(0);
    String rootDir = main.contains("/") ? main.substring(0, main.lastIndexOf('/') + 1) : "";
    List<ModuleDoc> modules = new ArrayList<>();
    for (Map.Entry<String, List<Placed>> e : byFile.entrySet()) {
      List<Placed> parts = new ArrayList<>(e.getValue());
      parts.sort(Comparator.comparingInt(Placed::line));
      modules.add(new ModuleDoc(moduleName(rootDir, e.getKey()), parts.stream().map(Placed::part).toList()));
    }
    return new SchemaDoc(modules, definitions);
  }

  /**
   * A file named relative to the main file's directory, as the importer's Javadoc names modules
   * ({@code sub/status.json}); one included by an absolute path elsewhere, by its file name.
   */
  private static String moduleName(String rootDir, String fname) {
    if (!rootDir.isEmpty() && fname.startsWith(rootDir)) {
      return fname.substring(rootDir.length());
    }
    return fname.startsWith("/") ? fname.substring(fname.lastIndexOf('/') + 1) : fname;
  }

  /** One definition's comment; QEMU's manual leaves {@code TODO:} sections out, and so does this. */
  static DefinitionDoc definitionDoc(String name, QapiDoc doc) {
    Map<String, String> members = new LinkedHashMap<>();
    doc.args().forEach((k, v) -> {
      if (!v.text().isBlank()) {
        members.put(k, v.text().strip());
      }
    });
    Map<String, String> features = new LinkedHashMap<>();
    doc.features().forEach((k, v) -> features.put(k, v.text().strip()));
    List<DefinitionDoc.Section> sections = new ArrayList<>();
    for (QapiDoc.Section s : doc.sections()) {
      if (!"TODO".equals(s.name())) {
        sections.add(new DefinitionDoc.Section(s.name() == null ? "" : s.name(), s.text().strip()));
      }
    }
    return new DefinitionDoc(name, doc.bodyText().strip(), members, features, sections, Optional.of(doc.comment()));
  }
}
