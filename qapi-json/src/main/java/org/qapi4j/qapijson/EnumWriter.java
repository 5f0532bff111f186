package org.qapi4j.qapijson;

import com.palantir.javapoet.TypeSpec;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.EnumValue;
import org.qapi4j.model.Names;

/**
 * An enum as a Java enum: one constant per value, upper case, with {@code @Name} where the
 * constant does not derive the value ({@code 3d} is {@code @Name("3d") _3D}).
 */
final class EnumWriter {
  private EnumWriter() {}

  static TypeSpec write(EnumDef e, String javaName, QapiDoc doc) {
    TypeSpec.Builder type = TypeSpec.enumBuilder(javaName)
        .addJavadoc(Javadocs.of(doc, false))
        .addAnnotations(JavaTypes.definition(e.name().equals(javaName) ? null : e.name(), e.condition(), e.features()))
        .addModifiers(Modifier.PUBLIC);
    Set<String> taken = new HashSet<>();
    for (EnumValue v : e.values()) {
      String c = JavaNames.constant(v.name());
      for (int k = 2; !taken.add(c); k++) {
        c = JavaNames.constant(v.name()) + "_" + k;
      }
      type.addEnumConstant(c, TypeSpec.anonymousClassBuilder("")
          .addJavadoc(Javadocs.member(doc, v.name()))
          .addAnnotations(JavaTypes.definition(
              Names.enumValue(c).equals(v.name()) ? null : v.name(), v.condition(), v.features()))
          .build());
    }
    return type.build();
  }
}
