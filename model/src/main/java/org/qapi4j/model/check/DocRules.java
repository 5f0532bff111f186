package org.qapi4j.model.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.qapi4j.model.doc.DefinitionDoc;
import org.qapi4j.model.doc.DocComment;
import org.qapi4j.model.doc.DocComment.Syntax;
import org.qapi4j.model.doc.SchemaDoc;

/**
 * The doc comments against their definitions ({@code parser.py QAPIDoc}: {@code connect_doc},
 * {@code check_doc}, {@code check_expr}; {@code expr.py}'s {@code doc-required}), on the
 * {@link DocComment} each front end makes of its comments: a comment required under
 * {@code doc-required}; a member or section documented twice; {@code Returns} on anything but a
 * command; a feature left undocumented (where the syntax asks for it), documented members and
 * features that do not exist.
 *
 * <p>The QAPI JSON front end finds some of these before the model exists, where QEMU does, since
 * QEMU stops at its first error: a name or section written twice while it parses the comment,
 * {@code Returns:} outside a command and a missing comment while it checks the expression. Its
 * comments reach these rules without them.
 */
final class DocRules implements Check {
  private final SchemaDoc doc;

  DocRules(SchemaDoc doc) {
    this.doc = doc;
  }

  @Override
  public void check(Schema schema, Reporter r) {
    Map<String, Definition> byName = schema.byName();
    for (Definition d : schema.definitions()) {
      if (d.implicit() || d.origin() == Origin.NONE) {
        continue; // no place for a comment
      }
      Optional<DocComment> comment = doc.of(d.name()).flatMap(DefinitionDoc::comment);
      if (comment.isPresent()) {
        check(d, comment.get(), byName, r);
      } else if (schema.pragmas().docRequired()) {
        r.error(Rule.DOC_REQUIRED, d, d.origin(), "documentation comment required");
      }
    }
  }

  private static void check(Definition d, DocComment c, Map<String, Definition> byName, Reporter r) {
    Set<String> params = new HashSet<>();
    Set<String> features = new LinkedHashSet<>();
    List<String> members = new ArrayList<>();
    Map<String, Integer> sections = new HashMap<>();
    for (DocComment.Tag t : c.tags()) {
      String name = t.name();
      switch (t.kind()) {
        case MEMBER, PARAMETER -> {
          if (!params.add(name)) {
            r.docError(Rule.DOC_DUPLICATE_SECTION, d, c.origin(), "'" + name + "' parameter name duplicated");
          } else if (t.kind() == DocComment.Kind.MEMBER) {
            members.add(name);
          }
        }
        case FEATURE -> {
          if (!features.add(name)) {
            r.docError(Rule.DOC_DUPLICATE_SECTION, d, c.origin(), "'" + name + "' parameter name duplicated");
          }
        }
        case SECTION -> {
          int n = sections.merge(name, 1, Integer::sum);
          if (n == 2 && (name.equals(DefinitionDoc.RETURNS) || name.equals(DefinitionDoc.SINCE))) {
            r.docError(Rule.DOC_DUPLICATE_SECTION, d, c.origin(),
                "duplicated '" + c.syntax().sectionName(name) + "' section");
          }
        }
      }
    }
    if (sections.containsKey(DefinitionDoc.RETURNS) && !(d instanceof CommandDef)) {
      r.docError(Rule.DOC_RETURNS_NON_COMMAND, d, c.origin(),
          "'" + c.syntax().sectionTag(DefinitionDoc.RETURNS) + "' is only valid for commands");
    }
    // QEMU connects the comment to the definition, which stops at the first undocumented feature,
    // then names the documented members that do not exist, else the features: one error at most.
    Connected connected = connect(d, c.syntax(), byName);
    if (c.syntax().requiresFeatures()) {
      for (Feature f : connected.features) {
        if (!features.contains(f.name())) {
          r.error(Rule.DOC_UNDOCUMENTED_FEATURE, d, f.origin(), "feature '" + f.name() + "' lacks documentation");
          return;
        }
      }
    }
    List<String> bogus = members.stream().filter(m -> !connected.members.contains(m)).toList();
    if (!bogus.isEmpty()) {
      r.docError(Rule.DOC_BOGUS_MEMBER, d, c.origin(), doNotExist("member", bogus));
      return;
    }
    Set<String> existing = new HashSet<>();
    connected.features.forEach(f -> existing.add(f.name()));
    bogus = features.stream().filter(f -> !existing.contains(f)).toList();
    if (!bogus.isEmpty()) {
      r.docError(Rule.DOC_BOGUS_FEATURE, d, c.origin(), doNotExist("feature", bogus));
    }
  }

  private static String doNotExist(String what, List<String> names) {
    boolean many = names.size() > 1;
    return "documented " + what + (many ? "s" : "") + " '" + String.join("', '", names) + "' "
        + (many ? "do" : "does") + " not exist";
  }

  /** What a comment may document: members (named as its syntax names them) and features, in QEMU's order. */
  private static final class Connected {
    final Set<String> members = new HashSet<>();
    final List<Feature> features = new ArrayList<>();

    void members(List<Member> list, Syntax syntax) {
      for (Member m : list) {
        members.add(syntax == Syntax.JAVADOC ? m.javaName() : m.name());
        features.addAll(m.features());
      }
    }
  }

  /**
   * QEMU's {@code connect_doc}: the definition's features, then its members with theirs (a
   * struct's own, an implicit union base's, an enum's values, an alternate's branches, the implicit
   * arguments of a command or event). A Javadoc comment's {@code @param} names a method's
   * parameters or a record's components, by their Java names; enum constants and alternatives are
   * documented in comments of their own.
   */
  private static Connected connect(Definition d, Syntax syntax, Map<String, Definition> byName) {
    Connected c = new Connected();
    c.features.addAll(d.features());
    boolean qapi = syntax == Syntax.QAPI;
    if (d instanceof StructDef s) {
      c.members(s.members(), syntax);
    } else if (d instanceof CommandDef cmd) {
      c.members(StructDef.implicitMembers(cmd.data(), byName), syntax);
    } else if (d instanceof EventDef e) {
      c.members(StructDef.implicitMembers(e.data(), byName), syntax);
    } else if (!qapi) {
      return c;
    } else if (d instanceof UnionDef u) {
      if (byName.get(u.base()) instanceof StructDef base && base.implicit()) {
        c.members(base.members(), syntax);
      }
    } else if (d instanceof AlternateDef a) {
      for (Variant v : a.variants()) {
        c.members.add(v.name());
      }
    } else if (d instanceof EnumDef e) {
      for (EnumValue v : e.values()) {
        c.members.add(v.name());
        c.features.addAll(v.features());
      }
    }
    return c;
  }
}
