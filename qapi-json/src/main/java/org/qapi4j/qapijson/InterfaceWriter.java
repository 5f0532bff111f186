package org.qapi4j.qapijson;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.Member;
import org.qapi4j.model.Names;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;

/**
 * A QAPI module's commands as the methods of a commands interface, its events as the methods of an
 * events interface, in definition order.
 */
final class InterfaceWriter {
  private final JavaTypes types;
  private final Map<String, Definition> byName;
  private final Map<String, QapiDoc> docs;

  InterfaceWriter(JavaTypes types, Map<String, Definition> byName, Map<String, QapiDoc> docs) {
    this.types = types;
    this.byName = byName;
    this.docs = docs;
  }

  /** The commands interface {@code name} of module {@code module} (named as the Javadoc names it). */
  TypeSpec commands(String name, String module, List<CommandDef> commands) {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
        .addJavadoc(Javadocs.text("The commands of QAPI module {@code " + module + "}."))
        .addModifiers(Modifier.PUBLIC);
    for (CommandDef c : commands) {
      type.addMethod(command(c));
    }
    return type.build();
  }

  /** The events interface {@code name} of module {@code module}. */
  TypeSpec events(String name, String module, List<EventDef> events) {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
        .addJavadoc(Javadocs.text("The events of QAPI module {@code " + module + "}."))
        .addModifiers(Modifier.PUBLIC);
    for (EventDef e : events) {
      type.addMethod(event(e));
    }
    return type.build();
  }

  private MethodSpec command(CommandDef c) {
    String method = JavaNames.command(c.name());
    QapiDoc doc = docs.get(c.name());
    Arguments arguments = arguments(c.data(), c.boxed(), doc);
    List<CodeBlock> attributes = new ArrayList<>();
    if (!Names.kebab(method).equals(c.name())) {
      attributes.add(CodeBlock.of("name = $S", c.name()));
    }
    if (c.allowOob()) {
      attributes.add(CodeBlock.of("allowOob = true"));
    }
    if (c.coroutine()) {
      attributes.add(CodeBlock.of("coroutine = true"));
    }
    if (!c.successResponse()) {
      attributes.add(CodeBlock.of("successResponse = false"));
    }
    if (c.allowPreconfig()) {
      attributes.add(CodeBlock.of("allowPreconfig = true"));
    }
    arguments.attribute().ifPresent(attributes::add);
    if (!c.gen()) {
      attributes.add(CodeBlock.of("gen = false"));
    }
    TypeName returns = c.returns()
        .map(t -> types.of(t, false).annotated(JavaTypes.typeAnnotation(t)))
        .orElse(TypeName.VOID);
    return method(method, doc, arguments)
        .addAnnotations(JavaTypes.definition(null, c.condition(), c.features()))
        .addAnnotation(JavaTypes.attributes(JavaTypes.COMMAND, attributes))
        .returns(returns)
        .build();
  }

  private MethodSpec event(EventDef e) {
    String method = JavaNames.event(e.name());
    QapiDoc doc = docs.get(e.name());
    Arguments arguments = arguments(e.data(), e.boxed(), doc);
    List<CodeBlock> attributes = new ArrayList<>();
    if (!Names.eventName(method).equals(e.name())) {
      attributes.add(CodeBlock.of("name = $S", e.name()));
    }
    arguments.attribute().ifPresent(attributes::add);
    e.throttle().ifPresent(t -> {
      attributes.add(CodeBlock.of("throttleMillis = $L", t.millis()));
      t.key().ifPresent(k -> attributes.add(CodeBlock.of("throttleKey = $S", k)));
    });
    return method(method, doc, arguments)
        .addAnnotations(JavaTypes.definition(null, e.condition(), e.features()))
        .addAnnotation(JavaTypes.attributes(JavaTypes.EVENT, attributes))
        .build();
  }

  private static MethodSpec.Builder method(String name, QapiDoc doc, Arguments arguments) {
    boolean documented = arguments.parameters().stream().anyMatch(p -> !p.javadoc().isEmpty());
    return MethodSpec.methodBuilder(name)
        .addJavadoc(Javadocs.of(doc, documented))
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addParameters(arguments.parameters());
  }

  /**
   * A command's or event's arguments in Java.
   *
   * @param attribute what the annotation says of them: {@code boxed = true}, {@code data = S.class},
   *     or nothing (anonymous members)
   * @param parameters the method's parameters, each with its description
   */
  private record Arguments(Optional<CodeBlock> attribute, List<ParameterSpec> parameters) {}

  /**
   * The parameters for {@code data}, a command's or event's arguments, in QAPI's three forms: an
   * implicit argument type's members, one by one; a named type with {@code 'boxed'}, as one
   * parameter of that type ({@code boxed = true}); a named type without, as {@code data = S.class}
   * and S's members one by one (its bases' first), as QEMU's C handler takes them. A type that is
   * not a struct is written the same way, without parameters, for the processor to refuse with
   * QEMU's words ({@code command's 'data' can take union type 'Uni' only with 'boxed': true});
   * none without arguments.
   */
  private Arguments arguments(Optional<String> data, boolean boxed, QapiDoc doc) {
    if (data.isEmpty()) {
      return new Arguments(Optional.empty(), List.of());
    }
    Definition type = byName.get(data.get());
    if (type instanceof StructDef s && s.implicit()) {
      return new Arguments(Optional.empty(), parameters(s.members(), doc, true));
    }
    TypeName named = types.of(TypeRef.named(data.get()), false);
    if (boxed) {
      return new Arguments(Optional.of(CodeBlock.of("boxed = true")),
          List.of(ParameterSpec.builder(named, "arguments").build()));
    }
    // A struct whose bases are broken gets its own members: the processor refuses it for its base.
    List<ParameterSpec> parameters = type instanceof StructDef s
        ? parameters(s.withBases(byName).orElse(s.members()), doc, false) : List.of();
    return new Arguments(Optional.of(CodeBlock.of("data = $T.class", named.withoutAnnotations())), parameters);
  }

  /** Members as parameters, named as Java names them, described by the definition's comment. */
  private List<ParameterSpec> parameters(List<Member> members, QapiDoc doc, boolean own) {
    List<String> names = JavaNames.members(members, Set.of());
    Map<String, String> descriptions = Javadocs.members(doc, members, names);
    List<ParameterSpec> parameters = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      parameters.add(types.member(members.get(i), names.get(i), descriptions.get(names.get(i)), own));
    }
    return parameters;
  }
}
