package org.qapi4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.JavaType;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;

/**
 * Generates {@code <Events>_Emitter} for each events interface of a schema: its implementation,
 * which turns each call into an event and hands it to the runtime's {@code EventSink}.
 */
public final class EmitterGenerator {
  private final Schema schema;
  private final Marshalling marshalling;
  private final Tables tables;

  public EmitterGenerator(Schema schema) {
    this(schema, java.util.Set.of());
  }

  /**
   * Emitters for the configuration with {@code defined} symbols: an event whose {@code @If} fails
   * is never sent, a data member whose {@code @If} fails is left out.
   */
  public EmitterGenerator(Schema schema, java.util.Set<String> defined) {
    this.schema = schema;
    this.marshalling = new Marshalling(schema, MarshalGenerator.className(schema), defined, false);
    this.tables = new Tables(schema, marshalling);
  }

  /** The events of the schema grouped by the interface that declares them, in schema order. */
  public Map<JavaType, List<EventDef>> byInterface() {
    Map<JavaType, List<EventDef>> groups = new LinkedHashMap<>();
    for (EventDef e : schema.all(EventDef.class)) {
      groups.computeIfAbsent(e.javaOwner(), k -> new java.util.ArrayList<>()).add(e);
    }
    return groups;
  }

  public static ClassName className(JavaType events) {
    return Poet.sibling(events, "_Emitter");
  }

  public TypeSpec generate(JavaType events, List<EventDef> defs) {
    TypeName iface = Poet.typeName(events);
    TypeSpec.Builder type =
        TypeSpec.classBuilder(className(events))
            .addAnnotation(Poet.generated(schema.name()))
            .addAnnotation(Poet.suppressWarnings())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(iface)
            .addJavadoc(
                "Emits the events of {@link $T} (QAPI schema {@code $L}) to an event sink, such as"
                    + " the\nQMP server's.\n",
                iface,
                schema.name())
            .addField(FieldSpec.builder(Poet.EVENT_SINK, "sink", Modifier.PRIVATE, Modifier.FINAL).build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(Poet.EVENT_SINK, "sink")
                    .addStatement("this.sink = $T.requireNonNull(sink, $S)", Poet.OBJECTS, "sink")
                    .build());
    Tables.FieldNames fieldNames = new Tables.FieldNames();
    for (EventDef e : defs) {
      type.addMethod(emit(e, type, fieldNames));
    }
    return type.build();
  }

  /** The method emitting one event; the table of its data, if it has members, goes to {@code type}. */
  private MethodSpec emit(EventDef e, TypeSpec.Builder type, Tables.FieldNames fieldNames) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(e.javaMethod())
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC);
    Definition data = e.data().map(marshalling::definition).orElse(null);
    if (!marshalling.exists(e.condition())) {
      if (data != null && !e.boxed()) {
        for (Member m : marshalling.parameters((StructDef) data, e.dataParameters())) {
          method.addParameter(Poet.typeName(m.javaType()), m.javaName());
        }
      } else if (data != null) {
        method.addParameter(boxedType(data), "data");
      }
      return method.addComment("Not in this configuration (its @If fails): never sent.").build();
    }
    if (data == null) {
      return method.addStatement("sink.emit(new $T($S, null$L))", Poet.QMP_EVENT, e.name(), tail(e, List.of())).build();
    }
    if (e.boxed()) {
      CodeBlock write = marshalling.write(TypeRef.named(data.name()), "out", "data");
      return method
          .addParameter(boxedType(data), "data")
          .addStatement("$T.requireNonNull(data, $S)", Poet.OBJECTS, "data")
          .addCode("sink.emit(new $T($S, out -> $L$L));\n", Poet.QMP_EVENT, e.name(), stripSemicolon(write),
              tail(e, data instanceof StructDef s ? marshalling.flatten(s, "data") : List.of()))
          .build();
    }
    List<Member> members = marshalling.parameters((StructDef) data, e.dataParameters());
    for (Member m : members) {
      method.addParameter(Poet.typeName(m.javaType()), m.javaName());
    }
    for (Member m : members) {
      if (!m.optional() && !m.javaType().isPrimitive() && marshalling.exists(m.condition())) {
        method.addStatement("$T.requireNonNull($L, $S)", Poet.OBJECTS, m.javaName(), m.javaName());
      }
    }
    String field = fieldNames.of(e.name());
    type.addField(tables.objectType(
        field, MarshalGenerator.className(schema), e.name(), members));
    StringBuilder values = new StringBuilder();
    for (Member m : members) {
      values.append(", ").append(m.javaName());
    }
    List<Marshalling.Flat> params =
        members.stream().map(m -> new Marshalling.Flat(m, m.javaName())).toList();
    method.addStatement("sink.emit(new $T($S, out -> $L.write(out$L)$L))", Poet.QMP_EVENT, e.name(), field, values,
        tail(e, params));
    return method.build();
  }

  static TypeName boxedType(Definition data) {
    if (data instanceof StructDef s) {
      return Poet.typeName(s.javaType().orElseThrow());
    }
    if (data instanceof org.qapi4j.model.UnionDef u) {
      return Poet.typeName(u.javaType().orElseThrow());
    }
    return ClassName.get(Object.class);
  }

  /**
   * The arguments of {@code QmpEvent} after the data: the rate limit, then the special features
   * (under {@code -compat deprecated-output=hide} the server drops such an event); nothing for an
   * event without either.
   */
  private CodeBlock tail(EventDef e, List<Marshalling.Flat> members) {
    int features = marshalling.specialFeatures(e.features());
    if (e.throttle().isEmpty() && features == 0) {
      return CodeBlock.of("");
    }
    CodeBlock millis = CodeBlock.of("0");
    CodeBlock key = CodeBlock.of("null");
    if (e.throttle().isPresent()) {
      EventDef.Throttle t = e.throttle().get();
      millis = CodeBlock.of("$LL", t.millis());
      java.util.Optional<Marshalling.Flat> keyMember = t.key().flatMap(
          k -> members.stream().filter(f -> f.member().name().equals(k)).findFirst());
      if (keyMember.isPresent()) {
        key = CodeBlock.of("$T.valueOf($L)", String.class, keyMember.get().access());
      }
    }
    if (features == 0) {
      return CodeBlock.of(", $L, $L", millis, key);
    }
    return CodeBlock.of(", $L, $L, $L", millis, key, Marshalling.featureBits(features));
  }

  static String stripSemicolon(CodeBlock statement) {
    String s = statement.toString().strip();
    return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
  }
}
