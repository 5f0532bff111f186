package org.qapi4j.qapijson;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;

/**
 * A struct as a record: its base as a {@code @Base} component, then one component per member. A
 * union's inline base is written the same way, documented by the union's comment.
 */
final class RecordWriter {
  private final JavaTypes types;

  RecordWriter(JavaTypes types) {
    this.types = types;
  }

  /**
   * The record {@code javaName} for {@code s}, documented by {@code doc}; {@code @Name} if the QAPI
   * name is not the record's (never for an inline base, which QAPI does not name).
   */
  TypeSpec write(StructDef s, String javaName, QapiDoc doc) {
    List<String> names = JavaNames.members(s.members(), Set.of("base"));
    Map<String, String> docs = Javadocs.members(doc, s.members(), names);
    MethodSpec.Builder components = MethodSpec.constructorBuilder();
    s.base().ifPresent(b -> components.addParameter(
        ParameterSpec.builder(types.of(TypeRef.named(b), false), "base").addAnnotation(JavaTypes.BASE).build()));
    for (int i = 0; i < names.size(); i++) {
      components.addParameter(types.member(s.members().get(i), names.get(i), docs.get(names.get(i))));
    }
    return TypeSpec.recordBuilder(javaName)
        .addJavadoc(Javadocs.of(doc, !docs.isEmpty()))
        .addAnnotations(JavaTypes.definition(
            s.implicit() || s.name().equals(javaName) ? null : s.name(), s.condition(), s.features()))
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(components.build())
        .build();
  }
}
