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

  public EmitterGenerator(Schema schema) {
    this(schema, java.util.Set.of());
  }

  /**
   * Emitters for the configuration with {@code defined} symbols: an event whose {@code @If} fails
   * is never sent, a data member whose {@code @If} fails is left out.
   */
  public EmitterGenerator(Schema schema, java.util.Set<String> defined) {
    this.schema = schema;
    this.marshalling = new Marshalling(schema, MarshalGenerator.className(schema), defined);
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
            .addAnnotation(Poet.suppressDeprecation())
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
    for (EventDef e : defs) {
      type.addMethod(emit(e));
    }
    return type.build();
  }

  private MethodSpec emit(EventDef e) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(e.javaMethod())
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC);
    Definition data = e.data().map(marshalling::definition).orElse(null);
    if (!marshalling.exists(e.condition())) {
      if (data != null && !e.boxed()) {
        for (Member m : ((StructDef) data).members()) {
          method.addParameter(Poet.typeName(m.javaType()), m.javaName());
        }
      } else if (data != null) {
        method.addParameter(boxedType(data), "data");
      }
      return method.addComment("Not in this configuration (its @If fails): never sent.").build();
    }
    if (data == null) {
      return method.addStatement("sink.emit(new $T($S, null$L))", Poet.QMP_EVENT, e.name(), throttle(e, null)).build();
    }
    if (e.boxed()) {
      TypeName type = boxedType(data);
      CodeBlock write = marshalling.write(TypeRef.named(data.name()), "out", CodeBlock.of("data"));
      return method
          .addParameter(type, "data")
          .addStatement("$T.requireNonNull(data, $S)", Poet.OBJECTS, "data")
          .addCode("sink.emit(new $T($S, out -> $L$L));\n", Poet.QMP_EVENT, e.name(), stripSemicolon(write),
              throttle(e, marshalling.flatten((StructDef) data, CodeBlock.of("data"))))
          .build();
    }
    List<Member> members = ((StructDef) data).members();
    for (Member m : members) {
      method.addParameter(Poet.typeName(m.javaType()), m.javaName());
    }
    for (Member m : members) {
      if (!m.optional() && !m.javaType().isPrimitive() && marshalling.exists(m.condition())) {
        method.addStatement("$T.requireNonNull($L, $S)", Poet.OBJECTS, m.javaName(), m.javaName());
      }
    }
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("out.writeStartObject()");
    body.add(writeMembersUnchecked(members));
    body.addStatement("out.writeEndObject()");
    method.addCode("sink.emit(new $T($S, out -> {\n$>", Poet.QMP_EVENT, e.name());
    method.addCode(body.build());
    List<Marshalling.Flat> params =
        members.stream().map(m -> new Marshalling.Flat(m, CodeBlock.of("$L", m.javaName()))).toList();
    method.addCode("$<}$L));\n", throttle(e, params));
    return method.build();
  }

  private static TypeName boxedType(Definition data) {
    return data instanceof StructDef s ? Poet.typeName(s.javaType().orElseThrow()) : ClassName.get(Object.class);
  }

  /** The rate-limit arguments of {@code QmpEvent}, or nothing for an event without one. */
  private static CodeBlock throttle(EventDef e, List<Marshalling.Flat> members) {
    if (e.throttle().isEmpty()) {
      return CodeBlock.of("");
    }
    EventDef.Throttle t = e.throttle().get();
    if (t.key().isEmpty()) {
      return CodeBlock.of(", $LL, null", t.millis());
    }
    Marshalling.Flat key = members.stream().filter(f -> f.member().name().equals(t.key().get())).findFirst().orElseThrow();
    return CodeBlock.of(", $LL, $T.valueOf($L)", t.millis(), String.class, key.access());
  }

  private static String stripSemicolon(CodeBlock statement) {
    String s = statement.toString().strip();
    return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
  }

  /** The members' writers; mandatory references were checked when the event was emitted. */
  private CodeBlock writeMembersUnchecked(List<Member> members) {
    return marshalling.writeMembers(
        members, "out", "", m -> CodeBlock.of("$L", m.javaName()), false);
  }
}
