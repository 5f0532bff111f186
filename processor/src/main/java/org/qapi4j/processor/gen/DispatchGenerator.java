package org.qapi4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.Member;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;

/**
 * Generates {@code <Root>_Dispatch}, the schema's dispatch table: every command with its wire
 * name, its flags and its marshal function, which reads the arguments, calls the application's
 * implementation of the root interface and returns the writer of the result.
 */
public final class DispatchGenerator {
  private final Schema schema;
  private final Marshalling marshalling;
  private final TypeName root;
  private final java.util.Set<String> defined;
  private final Tables tables;
  private final Tables.FieldNames fieldNames = new Tables.FieldNames();

  public DispatchGenerator(Schema schema) {
    this(schema, java.util.Set.of());
  }

  /** A table of the commands whose condition holds with {@code defined} symbols. */
  public DispatchGenerator(Schema schema, java.util.Set<String> defined) {
    this.schema = schema;
    this.defined = java.util.Set.copyOf(defined);
    this.marshalling = new Marshalling(schema, MarshalGenerator.className(schema), defined, false);
    this.tables = new Tables(schema, marshalling);
    this.root = Poet.typeName(schema.javaRoot().orElseThrow());
  }

  public static ClassName className(Schema schema) {
    return Poet.sibling(schema.javaRoot().orElseThrow(), "_Dispatch");
  }

  /** The name of the introspection resource, beside the dispatch table. */
  public static String introspectionResource(Schema schema) {
    return String.join("_", schema.javaRoot().orElseThrow().simpleNames()) + ".qmp-schema.json";
  }

  public TypeSpec generate() {
    List<CommandDef> commands =
        schema.all(CommandDef.class).stream()
            .filter(c -> c.gen() && c.condition().holds(defined))
            .toList();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(className(schema))
            .addAnnotation(Poet.generated(schema.name()))
            .addAnnotation(Poet.suppressWarnings())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(Poet.DISPATCH_TABLE)
            .addJavadoc(
                "The dispatch table of QAPI schema {@code $L}: its commands bound to an"
                    + " implementation of\n{@link $T}.\n",
                schema.name(),
                root)
            .addField(FieldSpec.builder(root, "impl", Modifier.PRIVATE, Modifier.FINAL).build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(root, "impl")
                    .addStatement("this.impl = $T.requireNonNull(impl, $S)", Poet.OBJECTS, "impl")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("schemaName")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return $S", schema.name())
                    .build());
    CodeBlock.Builder table = CodeBlock.builder().add("return $T.of(", Poet.LIST).indent();
    for (int i = 0; i < commands.size(); i++) {
      CommandDef c = commands.get(i);
      CodeBlock flags = flags(c);
      table.add(
          "\nnew $T($S, $L$L)$L",
          Poet.QMP_COMMAND,
          c.name(),
          flags.isEmpty() ? "" : CodeBlock.of("$L, ", flags),
          CodeBlock.of("this::$L", c.javaMethod()),
          i + 1 < commands.size() ? "," : "");
    }
    table.unindent().add(");\n");
    type.addMethod(
        MethodSpec.methodBuilder("commands")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(Poet.LIST, Poet.QMP_COMMAND))
            .addCode(table.build())
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("introspection")
            .addAnnotation(Override.class)
            .addJavadoc("The {@code query-qmp-schema} reply, from resource {@code $L}.\n", introspectionResource(schema))
            .addModifiers(Modifier.PUBLIC)
            .returns(byte[].class)
            .addStatement("return $T.resource($T.class, $S)", Poet.DISPATCH_TABLE, className(schema), introspectionResource(schema))
            .build());
    for (CommandDef c : commands) {
      type.addMethod(marshal(c, type));
    }
    return type.build();
  }

  /** The command's runtime flags, {@code Set.of(QmpCommand.Flag.X, …)}; empty when it has none. */
  private CodeBlock flags(CommandDef c) {
    List<String> flags = new ArrayList<>();
    if (c.allowOob()) {
      flags.add("ALLOW_OOB");
    }
    if (c.coroutine()) {
      flags.add("COROUTINE");
    }
    if (!c.successResponse()) {
      flags.add("NO_SUCCESS_RESPONSE");
    }
    if (c.allowPreconfig()) {
      flags.add("ALLOW_PRECONFIG");
    }
    if (c.async()) {
      flags.add("ASYNC");
    }
    int features = marshalling.specialFeatures(c.features());
    if ((features & Marshalling.DEPRECATED) != 0) {
      flags.add("DEPRECATED");
    }
    if ((features & Marshalling.UNSTABLE) != 0) {
      flags.add("UNSTABLE");
    }
    if (flags.isEmpty()) {
      return CodeBlock.of("");
    }
    CodeBlock.Builder b = CodeBlock.builder().add("$T.of(", Poet.SET);
    for (int i = 0; i < flags.size(); i++) {
      b.add(i == 0 ? "$T.$L" : ", $T.$L", Poet.QMP_COMMAND_FLAG, flags.get(i));
    }
    return b.add(")").build();
  }

  /**
   * An asynchronous command returns its stage wrapped in a {@code DeferredReply}: the runtime
   * writes the result when the stage completes.
   */
  private void asyncReturn(CommandDef c, CodeBlock.Builder code, CodeBlock call, LocalNames names) {
    String stage = names.newName("stage");
    code.addStatement("var $L = $L", stage, call);
    code.addStatement("$T.requireNonNull($L, $S)", Poet.OBJECTS, stage, "the stage of " + c.name());
    String value = names.newName("value");
    if (c.returns().isEmpty()) {
      code.addStatement("return $T.of($L, $L -> $T.EMPTY_OBJECT)", Poet.DEFERRED_REPLY, stage, value, Poet.REPLY_WRITER);
      return;
    }
    CodeBlock write = marshalling.write(c.returns().get(), "out", value);
    code.add("return $T.of($L, $L -> {\n", Poet.DEFERRED_REPLY, stage, value).indent();
    code.addStatement("$T.requireNonNull($L, $S)", Poet.OBJECTS, value, "the result of " + c.name());
    code.add("return out -> $L", write);
    code.unindent().add("});\n");
  }

  /**
   * The marshal function of one command; the table of its arguments, if it has any, goes to
   * {@code type}.
   */
  private MethodSpec marshal(CommandDef c, TypeSpec.Builder type) {
    LocalNames names = new LocalNames();
    names.newName("arguments");
    names.newName("impl");
    CodeBlock.Builder code = CodeBlock.builder();
    CodeBlock args;
    Definition data = c.data().map(marshalling::definition).orElse(null);
    if (data == null) {
      code.addStatement("$T.noArguments(arguments)", Poet.INPUT);
      args = CodeBlock.of("");
    } else if (c.boxed()) {
      String p = names.newName("p");
      String boxed = names.newName("data");
      code.addStatement("$T $L = $T.arguments(arguments)", Poet.JSON_PARSER, p, Poet.INPUT);
      code.addStatement(
          "var $L = $L", boxed, marshalling.read(TypeRef.named(data.name()), p, CodeBlock.of("null"), CodeBlock.of("null")));
      args = CodeBlock.of("$L", boxed);
    } else {
      // The arguments are read by a table, like a struct's members.
      List<Member> members = marshalling.parameters((StructDef) data, c.dataParameters());
      String field = fieldNames.of(c.name());
      type.addField(tables.objectType(
          field, MarshalGenerator.className(schema), c.name(), members));
      if (members.isEmpty()) {
        // An empty struct (data = Empty.class): read only to refuse any argument.
        code.addStatement("$L.read($T.arguments(arguments), null)", field, Poet.INPUT);
        args = CodeBlock.of("");
      } else {
        String a = names.newName("a");
        code.addStatement("Object[] $L = $L.read($T.arguments(arguments), null)", a, field, Poet.INPUT);
        args = Tables.casts(members, 0, a);
      }
    }
    CodeBlock call = CodeBlock.of("impl.$L($L)", c.javaMethod(), args);
    if (c.async()) {
      asyncReturn(c, code, call, names);
    } else if (c.returns().isEmpty()) {
      code.addStatement("$L", call);
      code.addStatement("return $T.EMPTY_OBJECT", Poet.REPLY_WRITER);
    } else {
      TypeRef ret = c.returns().get();
      String result = names.newName("result");
      code.addStatement("var $L = $L", result, call);
      code.addStatement(
          "$T.requireNonNull($L, $S)", Poet.OBJECTS, result, "the result of " + c.name());
      CodeBlock write = marshalling.write(ret, "out", result);
      code.add("return out -> $L", write);
    }
    return MethodSpec.methodBuilder(c.javaMethod())
        .addJavadoc("Command {@code $L}.\n", c.name())
        .addModifiers(Modifier.PRIVATE)
        .returns(Poet.REPLY_WRITER)
        .addParameter(Poet.JSON_PARSER, "arguments")
        .addCode(code.build())
        .build();
  }
}
