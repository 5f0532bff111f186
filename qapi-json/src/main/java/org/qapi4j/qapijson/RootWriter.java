package org.qapi4j.qapijson;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Pragmas;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;

/**
 * The {@code @Schema} root: it extends the commands interfaces, names the events interfaces, carries
 * the pragmas, the types no command or event uses and the QAPI order of commands and events.
 */
final class RootWriter {
  private final Schema schema;
  private final JavaNames names;
  private final JavaTypes types;

  RootWriter(Schema schema, JavaNames names, JavaTypes types) {
    this.schema = schema;
    this.names = names;
    this.types = types;
  }

  /** The root's simple name: the schema's, ending in {@code Schema}. */
  String name() {
    String stem = JavaNames.typeName(JavaNames.camel(schema.name(), true));
    return stem + (schema.name().endsWith("schema") ? "" : "Schema");
  }

  TypeSpec write(String name, List<String> commandInterfaces, List<String> eventInterfaces) {
    AnnotationSpec.Builder root = AnnotationSpec.builder(JavaTypes.SCHEMA).addMember("value", "$S", schema.name());
    for (String e : eventInterfaces) {
      root.addMember("events", "$T.class", types.local(e));
    }
    Pragmas pragmas = schema.pragmas();
    if (pragmas.docRequired()) {
      root.addMember("docRequired", "true");
    }
    strings(root, "commandNameExceptions", pragmas.commandNameExceptions());
    strings(root, "commandReturnsExceptions", pragmas.commandReturnsExceptions());
    List<String> memberExceptions = new ArrayList<>();
    for (String n : pragmas.memberNameExceptions()) {
      memberExceptions.add(n);
      names.unionBase(n).ifPresent(memberExceptions::add); // the record holding the union's inline base
    }
    strings(root, "memberNameExceptions", memberExceptions);
    for (String t : unusedTypes()) {
      root.addMember("types", "$T.class", types.local(t));
    }
    List<String> order = schema.definitions().stream()
        .filter(d -> d instanceof CommandDef || d instanceof EventDef).map(Definition::name).toList();
    if (order.isEmpty()) {
      root.addMember("definitionOrder", "{}");
    }
    strings(root, "definitionOrder", order);
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
        .addJavadoc(Javadocs.text("The QAPI schema {@code " + schema.name() + "}, imported by qapi4j."))
        .addAnnotation(root.build())
        .addModifiers(Modifier.PUBLIC);
    for (String c : commandInterfaces) {
      type.addSuperinterface(types.local(c));
    }
    return type.build();
  }

  private static void strings(AnnotationSpec.Builder annotation, String attribute, List<String> values) {
    for (String v : values) {
      annotation.addMember(attribute, "$S", v);
    }
  }

  /** The Java names of the types no command or event reaches, in definition order. */
  private List<String> unusedTypes() {
    Map<String, Definition> byName = schema.byName();
    Set<String> reached = new HashSet<>();
    List<String> queue = new ArrayList<>();
    for (Definition d : schema.definitions()) {
      if (d instanceof CommandDef c) {
        c.data().ifPresent(queue::add);
        c.returns().ifPresent(t -> queue.add(element(t)));
      } else if (d instanceof EventDef e) {
        e.data().ifPresent(queue::add);
      }
    }
    while (!queue.isEmpty()) {
      String name = queue.remove(queue.size() - 1);
      if (!reached.add(name)) {
        continue;
      }
      Definition d = byName.get(name);
      if (d instanceof StructDef s) {
        s.base().ifPresent(queue::add);
        s.members().forEach(m -> queue.add(element(m.type())));
      } else if (d instanceof UnionDef u) {
        queue.add(u.base());
        u.variants().forEach(v -> queue.add(element(v.type())));
      } else if (d instanceof AlternateDef a) {
        a.variants().forEach(v -> queue.add(element(v.type())));
      }
    }
    List<String> out = new ArrayList<>();
    for (Definition d : schema.definitions()) {
      if (!d.implicit() && !(d instanceof CommandDef) && !(d instanceof EventDef) && !reached.contains(d.name())) {
        out.add(names.of(d));
      }
    }
    return out;
  }

  private static String element(TypeRef t) {
    return t instanceof TypeRef.Array a ? a.element().qapiName() : t.qapiName();
  }
}
