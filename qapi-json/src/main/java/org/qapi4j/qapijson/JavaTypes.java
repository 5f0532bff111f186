package org.qapi4j.qapijson;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qapi4j.model.Builtin;
import org.qapi4j.model.Condition;
import org.qapi4j.model.ConditionSyntax;
import org.qapi4j.model.Feature;
import org.qapi4j.model.Member;
import org.qapi4j.model.Names;
import org.qapi4j.model.Predefined;
import org.qapi4j.model.TypeRef;

/**
 * The Java types QAPI types become, and the annotations the importer writes on every kind of
 * element: {@code @Name}, {@code @If}, {@code @Feature}, {@code @Optional}, {@code @Type}.
 */
final class JavaTypes {
  private static final String ANNOTATIONS = "org.qapi4j.annotations";
  static final ClassName NAME = ClassName.get(ANNOTATIONS, "Name");
  static final ClassName IF = ClassName.get(ANNOTATIONS, "If");
  static final ClassName FEATURE = ClassName.get(ANNOTATIONS, "Feature");
  static final ClassName OPTIONAL = ClassName.get(ANNOTATIONS, "Optional");
  static final ClassName TYPE = ClassName.get(ANNOTATIONS, "Type");
  static final ClassName BASE = ClassName.get(ANNOTATIONS, "Base");
  static final ClassName UNION = ClassName.get(ANNOTATIONS, "Union");
  static final ClassName ALTERNATE = ClassName.get(ANNOTATIONS, "Alternate");
  static final ClassName COMMAND = ClassName.get(ANNOTATIONS, "Command");
  static final ClassName EVENT = ClassName.get(ANNOTATIONS, "Event");
  static final ClassName SCHEMA = ClassName.get(ANNOTATIONS, "Schema");
  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName JSON_VALUE = ClassName.get("org.qapi4j.runtime.json", "JsonValue");
  private static final ClassName QNULL = ClassName.get("org.qapi4j.runtime", "QNull");
  private static final ClassName QTYPE = ClassName.get("org.qapi4j.runtime", "QType");

  private final JavaNames names;
  private final String pkg;

  JavaTypes(JavaNames names, String pkg) {
    this.names = names;
    this.pkg = pkg;
  }

  /** The class of a type the importer writes. */
  ClassName local(String simpleName) {
    return ClassName.get(pkg, simpleName);
  }

  /** The Java type of a QAPI type; {@code boxed} for a box rather than a primitive. */
  TypeName of(TypeRef t, boolean boxed) {
    if (t instanceof TypeRef.Array a) {
      return ParameterizedTypeName.get(LIST, of(a.element(), true));
    }
    Optional<Builtin> b = Builtin.byName(t.qapiName());
    if (b.isPresent()) {
      TypeName primitive = switch (b.get()) {
        case STR -> ClassName.get(String.class);
        case NUMBER -> TypeName.DOUBLE;
        case INT, INT64, UINT32, UINT64, SIZE -> TypeName.LONG;
        case INT32, UINT16 -> TypeName.INT;
        case INT16, UINT8 -> TypeName.SHORT;
        case INT8 -> TypeName.BYTE;
        case BOOL -> TypeName.BOOLEAN;
        case ANY -> JSON_VALUE;
        case NULL -> QNULL;
      };
      return boxed ? primitive.box() : primitive;
    }
    if (t.qapiName().equals(Predefined.QTYPE) && names.ofType(t.qapiName()).isEmpty()) {
      return QTYPE;
    }
    // A name the schema does not define (a schema with errors) stays as it is, for javac to
    // report, made an identifier if it is not one.
    return local(names.ofType(t.qapiName()).orElseGet(() -> JavaNames.typeName(t.qapiName())));
  }

  /** The QAPI integer type a member must name with {@code @Type}, or null. */
  static String integerType(TypeRef t) {
    String name = t instanceof TypeRef.Array a ? a.element().qapiName() : t.qapiName();
    return switch (name) {
      case "int64", "uint8", "uint16", "uint32", "uint64", "size" -> name;
      default -> null;
    };
  }

  /** {@code @Type("uint8")} for a type that needs it, or nothing. */
  static List<AnnotationSpec> typeAnnotation(TypeRef t) {
    String integer = integerType(t);
    return integer == null ? List.of() : List.of(string(TYPE, integer));
  }

  /**
   * A record component or parameter for a member: {@code @Name @If @Feature... @Optional @Type},
   * its type and name, and its documentation (from which JavaPoet writes the {@code @param} line).
   */
  ParameterSpec member(Member m, String javaName, String doc) {
    return member(m, javaName, doc, true);
  }

  /**
   * The same, without the member's {@code @If} and {@code @Feature} when {@code own} is false: a
   * parameter declaring a named struct's member ({@code @Command(data = S.class)}), whose condition
   * and features are the struct's component's.
   */
  ParameterSpec member(Member m, String javaName, String doc, boolean own) {
    ParameterSpec.Builder p = ParameterSpec.builder(of(m.type(), m.optional()), javaName);
    if (!Names.kebab(javaName).equals(m.name())) {
      p.addAnnotation(string(NAME, m.name()));
    }
    if (own) {
      p.addAnnotations(condition(m.condition()));
      p.addAnnotations(features(m.features()));
    }
    if (m.optional()) {
      p.addAnnotation(OPTIONAL);
    }
    p.addAnnotations(typeAnnotation(m.type()));
    if (doc != null) {
      p.addJavadoc("$L\n", Javadocs.escape(doc));
    }
    return p.build();
  }

  /**
   * The annotations of a definition: {@code @Name} if {@code name} is not null, then {@code @If}
   * and {@code @Feature}.
   */
  static List<AnnotationSpec> definition(String name, Condition condition, List<Feature> features) {
    List<AnnotationSpec> out = new ArrayList<>();
    if (name != null) {
      out.add(string(NAME, name));
    }
    out.addAll(condition(condition));
    out.addAll(features(features));
    return out;
  }

  /** {@code @If("all(A, not(B))")}, QAPI's own form, or nothing for an unconditional element. */
  static List<AnnotationSpec> condition(Condition condition) {
    return condition.equals(Condition.ALWAYS)
        ? List.of()
        : List.of(string(IF, ConditionSyntax.format(condition)));
  }

  /** {@code @Feature("x")}, or {@code @Feature(value = "x", condition = "A")}, for each feature. */
  static List<AnnotationSpec> features(List<Feature> features) {
    List<AnnotationSpec> out = new ArrayList<>();
    for (Feature f : features) {
      if (f.condition().equals(Condition.ALWAYS)) {
        out.add(string(FEATURE, f.name()));
      } else {
        out.add(attributes(FEATURE, List.of(
            CodeBlock.of("value = $S", f.name()),
            CodeBlock.of("condition = $S", ConditionSyntax.format(f.condition())))));
      }
    }
    return out;
  }

  /** {@code @A("value")}. */
  static AnnotationSpec string(ClassName annotation, String value) {
    return AnnotationSpec.builder(annotation).addMember("value", "$S", value).build();
  }

  /**
   * {@code @A(x = 1, y = 2)} on one line, or {@code @A} without attributes. JavaPoet writes an
   * annotation with attributes other than {@code value} over several lines, one attribute a line,
   * where it annotates a declaration; given as one code block, they stay on one line, as a person
   * writes a short annotation.
   */
  static AnnotationSpec attributes(ClassName annotation, List<CodeBlock> attributes) {
    AnnotationSpec.Builder a = AnnotationSpec.builder(annotation);
    if (!attributes.isEmpty()) {
      a.addMember("value", "$L", CodeBlock.join(attributes, ", "));
    }
    return a.build();
  }
}
