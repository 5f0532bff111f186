package org.qapi4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.qapi4j.model.AlternateDef;
import org.qapi4j.model.Builtin;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EnumDef;
import org.qapi4j.model.JavaType;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.UnionDef;
import org.qapi4j.runtime.json.QDictOrder;

/**
 * The tables the runtime reads and writes objects with ({@code ObjectType}; the form is documented
 * there): the members of a struct, of a union's base and branches, of a command's arguments, of an
 * event's data. Every generator of a schema numbers its named types the same way, so that a table
 * can refer to them through the {@code _Marshal} class's {@code TYPES}.
 *
 * <p>Why tables: generated code is compiled with every schema, and javac's cost is per expression;
 * a table is one string constant, which costs next to nothing (QEMU's schema has some 3,500
 * members).
 */
final class Tables {
  static final ClassName NAMED_TYPES = ClassName.get("org.qapi4j.runtime.marshal", "NamedTypes");
  static final ClassName OBJECT_TYPE = ClassName.get("org.qapi4j.runtime.marshal", "ObjectType");
  static final ClassName ENUM_TYPE = ClassName.get("org.qapi4j.runtime.marshal", "EnumType");
  static final ClassName VALUE_TYPE = ClassName.get("org.qapi4j.runtime.marshal", "ValueType");

  private final Marshalling marshalling;
  /** The number of each named type that has a reader, in definition order. */
  private final Map<String, Integer> numbers = new LinkedHashMap<>();

  Tables(Schema schema, Marshalling marshalling) {
    this.marshalling = marshalling;
    for (Definition d : schema.definitions()) {
      if (hasReader(d)) {
        numbers.put(d.name(), numbers.size());
      }
    }
  }

  /** True for the named types the {@code _Marshal} class reads and writes. */
  static boolean hasReader(Definition d) {
    return d instanceof StructDef s && !s.implicit() || d instanceof UnionDef || d instanceof AlternateDef
        || d instanceof EnumDef;
  }

  int number(String qapiName) {
    return numbers.get(qapiName);
  }

  /** The table of an object's members, in declaration order. */
  String table(List<Member> members) {
    StringBuilder b = new StringBuilder();
    for (Member m : members) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(m.name()).append(':').append(valueType(m.type(), m.javaType()));
      int mark = b.length();
      b.append('/');
      if (m.optional()) {
        b.append('?');
      }
      b.append(flags(m.features(), !marshalling.exists(m.condition())));
      if (m.javaType().isPrimitive()) {
        b.append('P');
      }
      if (b.length() == mark + 1) {
        b.setLength(mark); // no flags
      }
    }
    return b.toString();
  }

  /** The flags of special features ({@code D}, {@code U}) and of an absent definition ({@code -}). */
  String flags(List<org.qapi4j.model.Feature> features, boolean absent) {
    int bits = marshalling.specialFeatures(features);
    return ((bits & Marshalling.DEPRECATED) != 0 ? "D" : "") + ((bits & Marshalling.UNSTABLE) != 0 ? "U" : "")
        + (absent ? "-" : "");
  }

  /** The declaration indexes of the members present in this configuration, in QEMU's order. */
  String wireOrder(List<Member> members) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      if (marshalling.exists(members.get(i).condition())) {
        index.putIfAbsent(members.get(i).name(), i);
      }
    }
    List<String> order = new ArrayList<>();
    for (String name : QDictOrder.of(List.copyOf(index.keySet()))) {
      order.add(Integer.toString(index.get(name)));
    }
    return String.join(" ", order);
  }

  /**
   * The text of a {@code ValueType}: a built-in (with the Java type holding an integer where it is
   * not the one the runtime reads it as), a named type's number, {@code [T} for a list.
   */
  String valueType(TypeRef type, JavaType holder) {
    if (type instanceof TypeRef.Array a) {
      return "[" + valueType(a.element(), null);
    }
    Optional<Builtin> builtin = Builtin.byName(type.qapiName());
    if (builtin.isEmpty()) {
      return Integer.toString(number(type.qapiName()));
    }
    String name = builtin.get().qapiName();
    if (holder == null || !builtin.get().isInteger()) {
      return name;
    }
    TypeName java = Poet.typeName(holder);
    TypeName primitive = java.isBoxedPrimitive() ? java.unbox() : java;
    return primitive.equals(Marshalling.readsAs(builtin.get())) ? name : name + ">" + primitive;
  }

  /**
   * {@code private static final ObjectType FIELD = new ObjectType(TYPES, owner, table, order)};
   * {@code marshal} is the {@code _Marshal} class whose {@code TYPES} it uses, null inside it.
   */
  FieldSpec objectType(String field, ClassName marshal, String owner, List<Member> members) {
    return objectType(field, marshal, owner, members, true);
  }

  /** {@link #objectType}, private or package-private. */
  FieldSpec objectType(String field, ClassName marshal, String owner, List<Member> members, boolean isPrivate) {
    // One format with the text in it: JavaPoet's cost is per piece.
    String arguments = Poet.escape(Marshalling.literal(owner) + ", " + Marshalling.literal(table(members)) + ", "
        + Marshalling.literal(wireOrder(members)) + ")");
    FieldSpec.Builder b = isPrivate
        ? FieldSpec.builder(OBJECT_TYPE, field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        : FieldSpec.builder(OBJECT_TYPE, field, Modifier.STATIC, Modifier.FINAL);
    return (marshal == null
            ? b.initializer("new $T(TYPES, " + arguments, OBJECT_TYPE)
            : b.initializer("new $T($T.TYPES, " + arguments, OBJECT_TYPE, marshal))
        .build();
  }

  /** {@code (T) a[i]} for each member, from {@code a[first]}: the arguments of a call. */
  static CodeBlock casts(List<Member> members, int first, String a) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < members.size(); i++) {
      b.add(i == 0 ? "($T) $L[$L]" : ", ($T) $L[$L]", Poet.typeName(members.get(i).javaType()), a, first + i);
    }
    return b.build();
  }

  /** The names of the static fields of one generated class. */
  static final class FieldNames {
    private final Set<String> taken = new HashSet<>();

    /** A new constant name for a QAPI name: {@code BLOCKDEV_OPTIONS_QCOW2} for {@code BlockdevOptionsQcow2}. */
    String of(String qapiName) {
      StringBuilder b = new StringBuilder();
      String id = Poet.identifier(qapiName);
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(id.charAt(i - 1))) {
          b.append('_');
        }
        b.append(Character.toUpperCase(c));
      }
      String name = b.toString();
      String unique = name;
      for (int n = 2; !taken.add(unique); n++) {
        unique = name + "_" + n;
      }
      return unique;
    }
  }
}
