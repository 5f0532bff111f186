package org.qapi4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.JavaType;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;

/**
 * Generates the client side of a schema: for each commands interface {@code X}, {@code X_Async}
 * (its methods returning {@code CompletableFuture}), {@code X_Client} (implements {@code X} over a
 * {@code QmpClient}, blocking) and {@code X_AsyncClient} (implements {@code X_Async}); for each
 * events interface {@code E}, {@code E_Listener} (implements {@code E} with methods that do nothing,
 * and reads events into calls of them). Arguments are written and results read with the same
 * tables and {@code _Marshal} class as the server's, in the other direction.
 */
public final class ClientGenerator {
  static final ClassName QMP_CLIENT = ClassName.get("org.qapi4j.runtime.client", "QmpClient");
  static final ClassName CALL_OPTIONS = ClassName.get("org.qapi4j.runtime.client", "CallOptions");
  static final ClassName TYPED_EVENTS = ClassName.get("org.qapi4j.runtime.client", "TypedEvents");
  static final ClassName RECEIVED_EVENT = ClassName.get("org.qapi4j.runtime.client", "ReceivedEvent");
  static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");

  private final Schema schema;
  private final Marshalling marshalling;
  private final Tables tables;

  public ClientGenerator(Schema schema, Set<String> defined) {
    this.schema = schema;
    this.marshalling = new Marshalling(schema, MarshalGenerator.className(schema), defined, false);
    this.tables = new Tables(schema, marshalling);
    for (Definition d : schema.definitions()) {
      Marshalling.javaType(d).filter(t -> t.simpleNames().size() > 1)
          .ifPresent(t -> nested.add(t.simpleNames().get(t.simpleNames().size() - 1)));
    }
  }

  /**
   * The simple names of the schema's nested types ({@code Api.ObjectType}). A client implements
   * its interface and so inherits the interface's member types, which would hide a class of the
   * same simple name that the generated code imports: those are always written qualified.
   */
  private final Set<String> nested = new java.util.TreeSet<>();

  /**
   * A commands interface of the schema: the commands it declares, and the interfaces whose
   * commands it inherits (every one that declares some, through however many others).
   */
  public record Commands(List<CommandDef> own, List<JavaType> inheritsFrom) {}

  /** Every interface of the schema with commands, its own or inherited (the root's are all), in schema order. */
  public Map<JavaType, Commands> commandsByInterface() {
    Map<JavaType, Commands> groups = new LinkedHashMap<>();
    for (CommandDef c : schema.all(CommandDef.class)) {
      if (c.javaSignature().isEmpty()) {
        continue;
      }
      CommandDef.JavaSignature s = c.javaSignature().get();
      groups.computeIfAbsent(s.owner(), k -> new Commands(new ArrayList<>(), new ArrayList<>())).own().add(c);
      for (JavaType heir : s.inheritedBy()) {
        List<JavaType> from =
            groups.computeIfAbsent(heir, k -> new Commands(new ArrayList<>(), new ArrayList<>())).inheritsFrom();
        if (!from.contains(s.owner())) {
          from.add(s.owner());
        }
      }
    }
    return groups;
  }

  public static ClassName asyncName(JavaType commands) {
    return Poet.sibling(commands, "_Async");
  }

  public static ClassName clientName(JavaType commands) {
    return Poet.sibling(commands, "_Client");
  }

  public static ClassName asyncClientName(JavaType commands) {
    return Poet.sibling(commands, "_AsyncClient");
  }

  public static ClassName listenerName(JavaType events) {
    return Poet.sibling(events, "_Listener");
  }

  /**
   * {@code X_Async}, {@code X_Client} and {@code X_AsyncClient} of commands interface
   * {@code commands}: its own commands executed, the inherited ones handed to the clients of the
   * interfaces that declare them ({@code all} has every interface's).
   */
  public List<TypeSpec> commands(JavaType commands, Map<JavaType, Commands> all) {
    List<CommandDef> defs = all.get(commands).own();
    TypeName iface = Poet.typeName(commands);
    ClassName async = asyncName(commands);
    ClassName client = clientName(commands);
    TypeSpec.Builder asyncType = TypeSpec.interfaceBuilder(async)
        .addAnnotation(Poet.generated(schema.name()))
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The commands of {@link $T} without blocking: each method sends its command and\n"
            + "returns at once, its future completed by the reply.\n"
            + "{@code qmpClient.commands($T.class)} gives an implementation.\n", iface, async);
    TypeSpec.Builder clientType = clientClass(client, iface, "The commands of {@link $T} over a QMP connection:"
        + " each method executes its\ncommand and returns its result, read tolerantly (members and enum values a"
        + " newer server\nadds are let through). {@code qmpClient.commands($T.class)} gives one.\n", iface);
    TypeSpec.Builder asyncClientType = clientClass(asyncClientName(commands), async,
        "{@link $T} over a QMP connection. {@code qmpClient.commands($T.class)} gives one.\n", async);
    Tables.FieldNames fieldNames = new Tables.FieldNames();
    for (CommandDef c : defs) {
      Call call = call(c, client, clientType, fieldNames);
      TypeName blockingReturns = blockingReturns(c);
      TypeName future = future(c);
      asyncType.addMethod(MethodSpec.methodBuilder(c.javaMethod())
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc("Command {@code $L}, as {@link $T#$L}.\n", c.name(), iface, c.javaMethod())
          .addParameters(call.parameters)
          .returns(future)
          .build());
      MethodSpec.Builder blocking = MethodSpec.methodBuilder(c.javaMethod())
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .addParameters(call.parameters)
          .returns(blockingReturns);
      if (c.async()) {
        blocking.addStatement("return this.qmp.callAsync($S, $L, $L, $L)", c.name(), call.arguments, call.result,
            call.options);
      } else if (blockingReturns == TypeName.VOID) {
        blocking.addStatement("this.qmp.call($S, $L, null, $L)", c.name(), call.arguments, call.options);
      } else {
        blocking.addStatement("return this.qmp.call($S, $L, $L, $L)", c.name(), call.arguments, call.result,
            call.options);
      }
      clientType.addMethod(blocking.build());
      asyncClientType.addMethod(MethodSpec.methodBuilder(c.javaMethod())
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .addParameters(call.parameters)
          .returns(future)
          .addStatement("return this.qmp.callAsync($S, $L, $L, $L)", c.name(), call.arguments,
              blockingReturns == TypeName.VOID && !c.async() ? CodeBlock.of("null") : call.result, call.options)
          .build());
    }
    CodeBlock.Builder clients = CodeBlock.builder();
    CodeBlock.Builder asyncClients = CodeBlock.builder();
    for (JavaType owner : all.get(commands).inheritsFrom()) {
      String name = String.join("", owner.simpleNames());
      String field = Character.toLowerCase(name.charAt(0)) + name.substring(1);
      asyncType.addSuperinterface(asyncName(owner));
      clients.add(delegateTo(clientType, clientName(owner), field + "Client", all.get(owner).own(), false));
      asyncClients.add(delegateTo(asyncClientType, asyncClientName(owner), field + "AsyncClient",
          all.get(owner).own(), true));
    }
    return List.of(asyncType.build(), constructor(clientType, clients.build()).build(),
        constructor(asyncClientType, asyncClients.build()).build());
  }

  /**
   * Commands {@code defs}, inherited by the client {@code type}: a field holding the client of the
   * interface that declares them ({@code owner}), and each method handed to it.
   */
  private CodeBlock delegateTo(TypeSpec.Builder type, ClassName owner, String field, List<CommandDef> defs,
      boolean async) {
    type.addField(FieldSpec.builder(owner, field, Modifier.PRIVATE, Modifier.FINAL).build());
    for (CommandDef c : defs) {
      List<com.palantir.javapoet.ParameterSpec> parameters = parameters(c);
      TypeName returns = async ? future(c) : blockingReturns(c);
      CodeBlock arguments = CodeBlock.join(parameters.stream().map(p -> CodeBlock.of("$N", p)).toList(), ", ");
      type.addMethod(MethodSpec.methodBuilder(c.javaMethod())
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .addParameters(parameters)
          .returns(returns)
          .addStatement(returns == TypeName.VOID ? "this.$L.$L($L)" : "return this.$L.$L($L)", field, c.javaMethod(),
              arguments)
          .build());
    }
    return CodeBlock.of("this.$L = new $T(qmp, options);\n", field, owner);
  }

  private static TypeName blockingReturns(CommandDef c) {
    return c.javaSignature().orElseThrow().returns().map(Poet::typeName).orElse(TypeName.VOID);
  }

  /** {@code CompletableFuture} of what the command's method returns (or its stage holds). */
  private static TypeName future(CommandDef c) {
    TypeName blocking = blockingReturns(c);
    TypeName result = c.async()
        ? Poet.typeName(c.javaSignature().orElseThrow().returns().orElseThrow().typeArguments().get(0))
        : blocking.isPrimitive() ? blocking.box() : blocking == TypeName.VOID ? ClassName.get(Void.class) : blocking;
    return ParameterizedTypeName.get(COMPLETABLE_FUTURE, result);
  }

  /** The parameters of a command's method: the members of its arguments, or its one boxed argument. */
  private List<com.palantir.javapoet.ParameterSpec> parameters(CommandDef c) {
    List<com.palantir.javapoet.ParameterSpec> parameters = new ArrayList<>();
    Definition data = c.data().map(marshalling::definition).orElse(null);
    if (data != null && c.boxed()) {
      parameters.add(com.palantir.javapoet.ParameterSpec.builder(EmitterGenerator.boxedType(data), "arguments").build());
    } else if (data != null) {
      for (Member m : marshalling.parameters((StructDef) data, c.dataParameters())) {
        parameters.add(com.palantir.javapoet.ParameterSpec.builder(Poet.typeName(m.javaType()), m.javaName()).build());
      }
    }
    return parameters;
  }

  /** A client class implementing {@code iface}: its connection, its call options, its constructors. */
  private TypeSpec.Builder clientClass(ClassName name, TypeName iface, String javadoc, TypeName subject) {
    return TypeSpec.classBuilder(name)
        .alwaysQualify(nested.toArray(String[]::new))
        .addAnnotation(Poet.generated(schema.name()))
        .addAnnotation(Poet.suppressWarnings())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(iface)
        .addJavadoc(javadoc, subject, subject)
        .addField(FieldSpec.builder(QMP_CLIENT, "qmp", Modifier.PRIVATE, Modifier.FINAL).build())
        .addField(FieldSpec.builder(CALL_OPTIONS, "options", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addParameter(QMP_CLIENT, "qmp")
            .addStatement("this(qmp, $T.DEFAULT)", CALL_OPTIONS)
            .build());
  }

  /** The client's main constructor, which also makes the clients of inherited interfaces ({@code delegates}). */
  private static TypeSpec.Builder constructor(TypeSpec.Builder type, CodeBlock delegates) {
    return type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("Every call with {@code options} (a deadline other than the connection's, say).\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(QMP_CLIENT, "qmp")
        .addParameter(CALL_OPTIONS, "options")
        .addStatement("this.qmp = $T.requireNonNull(qmp, $S)", Poet.OBJECTS, "qmp")
        .addStatement("this.options = $T.requireNonNull(options, $S)", Poet.OBJECTS, "options")
        .addCode(delegates)
        .build());
  }

  /** What a command's two client methods share: parameters, arguments writer, result reader, options. */
  private record Call(List<com.palantir.javapoet.ParameterSpec> parameters, CodeBlock arguments, CodeBlock result,
      CodeBlock options) {}

  /** The call of command {@code c}; the table of its arguments, if it has any, goes to {@code client}. */
  private Call call(CommandDef c, ClassName client, TypeSpec.Builder clientType, Tables.FieldNames fieldNames) {
    List<com.palantir.javapoet.ParameterSpec> parameters = parameters(c);
    // The lambdas' parameters must differ from the method's (QEMU has arguments named 'options').
    LocalNames names = new LocalNames();
    parameters.forEach(p -> names.newName(p.name()));
    String out = names.newName("out");
    String parser = names.newName("p");
    CodeBlock arguments;
    Definition data = c.data().map(marshalling::definition).orElse(null);
    if (data == null) {
      arguments = CodeBlock.of("null");
    } else if (c.boxed()) {
      arguments = CodeBlock.of("$L -> $L", out,
          EmitterGenerator.stripSemicolon(marshalling.write(TypeRef.named(data.name()), out, "arguments")));
    } else {
      List<Member> members = marshalling.parameters((StructDef) data, c.dataParameters());
      String field = fieldNames.of(c.name());
      // Package-private: X_AsyncClient writes with it too.
      clientType.addField(tables.objectType(field, MarshalGenerator.className(schema), c.name(), members, false));
      StringBuilder values = new StringBuilder();
      for (Member m : members) {
        values.append(", ").append(m.javaName());
      }
      arguments = CodeBlock.of("$L -> $T.$L.write($L$L)", out, client, field, out, values);
    }
    CodeBlock result = c.returns()
        .map(r -> CodeBlock.of("$L -> $L", parser, marshalling.read(r, parser, CodeBlock.of("$S", "return"),
            CodeBlock.of("$S", "return"))))
        .orElse(CodeBlock.of("$L -> null", parser));
    // this.: a parameter may be named as a field (QEMU's blockdev-reopen takes 'options').
    CodeBlock options = CodeBlock.of("this.options");
    if (c.allowOob()) {
      options = CodeBlock.of("$L.oob(true)", options);
    }
    if (!c.successResponse()) {
      options = CodeBlock.of("$L.successResponse(false)", options);
    }
    return new Call(parameters, arguments, result, options);
  }

  /** {@code E_Listener} of events interface {@code events}. */
  public TypeSpec listener(JavaType events, List<EventDef> defs) {
    TypeName iface = Poet.typeName(events);
    ClassName name = listenerName(events);
    Tables.FieldNames fieldNames = new Tables.FieldNames();
    fieldNames.of("EVENTS");
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .alwaysQualify(nested.toArray(String[]::new))
        .addAnnotation(Poet.generated(schema.name()))
        .addAnnotation(Poet.suppressWarnings())
        .addModifiers(Modifier.PUBLIC)
        .addSuperinterface(iface)
        .addJavadoc("Receives the events of {@link $T}: override the methods of the events wanted, and\n"
            + "give the listener to {@code qmpClient.listen($T.class, listener)}. The methods here do\n"
            + "nothing.\n", iface, iface);
    CodeBlock.Builder deliver = CodeBlock.builder().beginControlFlow("switch (event.name())");
    List<String> names = new ArrayList<>();
    for (EventDef e : defs) {
      names.add(e.name());
      MethodSpec.Builder method = MethodSpec.methodBuilder(e.javaMethod())
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("Event {@code $L}; does nothing.\n", e.name());
      Definition data = e.data().map(marshalling::definition).orElse(null);
      List<Member> members = data == null || e.boxed() ? List.of()
          : marshalling.parameters((StructDef) data, e.dataParameters());
      if (data == null || !e.boxed() && members.isEmpty()) {
        // No data, or an empty struct's (data = Empty.class): nothing to read.
        deliver.addStatement("case $S -> listener.$L()", e.name(), e.javaMethod());
      } else if (e.boxed()) {
        method.addParameter(EmitterGenerator.boxedType(data), "data");
        deliver.add("case $S -> {\n$>", e.name());
        deliver.beginControlFlow("try ($T p = event.membersParser())", Poet.JSON_PARSER);
        deliver.addStatement("listener.$L($L)", e.javaMethod(),
            marshalling.read(TypeRef.named(data.name()), "p", CodeBlock.of("null"), CodeBlock.of("null")));
        deliver.endControlFlow();
        deliver.add("$<}\n");
      } else {
        for (Member m : members) {
          method.addParameter(Poet.typeName(m.javaType()), m.javaName());
        }
        String field = fieldNames.of(e.name());
        type.addField(tables.objectType(field, MarshalGenerator.className(schema), e.name(), members));
        deliver.add("case $S -> {\n$>", e.name());
        deliver.addStatement("Object[] a");
        deliver.beginControlFlow("try ($T p = event.membersParser())", Poet.JSON_PARSER);
        deliver.addStatement("a = $L.read(p, null)", field);
        deliver.endControlFlow();
        deliver.addStatement("listener.$L($L)", e.javaMethod(), Tables.casts(members, 0, "a"));
        deliver.add("$<}\n");
      }
      type.addMethod(method.build());
    }
    deliver.add("default -> {\n}\n").endControlFlow();
    TypeName typedEvents = ParameterizedTypeName.get(TYPED_EVENTS, iface);
    TypeName setOfStrings = ParameterizedTypeName.get(ClassName.get(Set.class), ClassName.get(String.class));
    TypeSpec anonymous = TypeSpec.anonymousClassBuilder("")
        .addSuperinterface(typedEvents)
        .addField(FieldSpec.builder(setOfStrings, "names", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("$T.of($L)", Set.class, CodeBlock.join(names.stream().map(n -> CodeBlock.of("$S", n)).toList(), ", "))
            .build())
        .addMethod(MethodSpec.methodBuilder("names")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(setOfStrings)
            .addStatement("return names")
            .build())
        .addMethod(MethodSpec.methodBuilder("deliver")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(RECEIVED_EVENT, "event")
            .addParameter(iface, "listener")
            .addCode(deliver.build())
            .build())
        .build();
    type.addField(FieldSpec.builder(typedEvents, "EVENTS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The events of {@link $T}, read and delivered: what {@code QmpClient.listen} uses.\n", iface)
        .initializer("$L", anonymous)
        .build());
    return type.build();
  }
}
