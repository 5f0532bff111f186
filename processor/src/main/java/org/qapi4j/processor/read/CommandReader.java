package org.qapi4j.processor.read;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import org.qapi4j.model.CommandDef;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Definition;
import org.qapi4j.model.EventDef;
import org.qapi4j.model.JavaType;
import org.qapi4j.model.Member;
import org.qapi4j.model.Names;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.check.Rule;
import org.qapi4j.processor.diag.ElementOrigin;

/**
 * Reads commands (the {@code @Command} methods of the schema's interfaces) and events (the
 * {@code @Event} methods of its events interfaces): each with the implicit struct of its
 * parameters just before it, unless boxed or given a named struct ({@code data = S.class}).
 */
final class CommandReader {
  private final Elements elements;
  private final Mirrors mirrors;
  private final Problems problems;
  private final JavaTypes javaTypes;
  private final Annotations annotations;
  private final TypeReader typeReader;
  /** The root's commands and events, with their implicit argument types, in the order read. */
  private final List<Definition> definitions;

  CommandReader(Elements elements, Mirrors mirrors, Problems problems, JavaTypes javaTypes, Annotations annotations,
      TypeReader typeReader, List<Definition> definitions) {
    this.elements = elements;
    this.mirrors = mirrors;
    this.problems = problems;
    this.javaTypes = javaTypes;
    this.annotations = annotations;
    this.typeReader = typeReader;
    this.definitions = definitions;
  }

  /** The schema's interfaces in the order they were walked, each with its direct superinterfaces. */
  private final Map<TypeElement, List<TypeElement>> superinterfaces = new LinkedHashMap<>();

  /** The command methods of an interface: its superinterfaces' first, depth first, then its own. */
  List<ExecutableElement> commandMethods(TypeElement iface, Set<String> visited) {
    List<ExecutableElement> out = new ArrayList<>();
    if (!visited.add(iface.getQualifiedName().toString())) {
      return out;
    }
    List<TypeElement> supers = new ArrayList<>();
    superinterfaces.put(iface, supers);
    for (TypeMirror sup : iface.getInterfaces()) {
      if (sup.getKind() == TypeKind.ERROR) {
        throw new JavaReader.Unresolved(sup.toString());
      }
      supers.add((TypeElement) ((DeclaredType) sup).asElement());
      out.addAll(commandMethods((TypeElement) ((DeclaredType) sup).asElement(), visited));
    }
    for (ExecutableElement method : ElementFilter.methodsIn(iface.getEnclosedElements())) {
      if (mirrors.find(method, Mirrors.COMMAND).isPresent()) {
        out.add(method);
      } else if (method.getModifiers().contains(Modifier.ABSTRACT)) {
        problems.form(ElementOrigin.of(method),
            "method " + method.getSimpleName() + " of schema interface " + iface.getSimpleName()
                + " is not annotated @Command");
      }
    }
    return out;
  }

  void readCommand(ExecutableElement method) {
    AnnotationMirror command = mirrors.find(method, Mirrors.COMMAND).orElseThrow();
    String javaName = method.getSimpleName().toString();
    String given = mirrors.string(command, "name");
    String name = given.isEmpty() ? Names.kebab(javaName) : given;
    // A command's 'returns' is its method's return type: errors about it point at the method.
    ElementOrigin origin =
        annotations.withIf(ElementOrigin.of(method, command), method)
            .withAttribute("returns", ElementOrigin.of(method));
    if (given.isEmpty()) {
      origin = origin.derivedFrom(javaName, "@Command(name = \"...\")");
    }
    problems.context("In command '" + name + "':");
    boolean boxed = mirrors.bool(command, "boxed");
    Condition condition = annotations.condition(method);
    Arguments arguments = readArguments(name, method, command, boxed, condition, origin);
    Optional<TypeRef> returns = Optional.empty();
    TypeMirror ret = method.getReturnType();
    TypeMirror stage = completionStageResult(ret, method, name);
    boolean async = stage != null;
    if (async) {
      ret = stage;
    }
    if (ret.getKind() != TypeKind.VOID && !"java.lang.Void".equals(JavaTypes.qualifiedName(ret))) {
      returns = Optional.ofNullable(javaTypes.typeRef(ret, method, "the result of command " + name));
      Optional<AnnotationMirror> typeMirror = mirrors.find(method, Mirrors.TYPE);
      if (returns.isPresent() && typeMirror.isPresent()) {
        returns = Optional.ofNullable(IntegerTypes.override(returns.get(), ret, mirrors.string(typeMirror.get(), "value"),
            message -> problems.form(ElementOrigin.of(method, typeMirror.get()).attribute("value"), message)));
      }
    }
    Set<CommandDef.Flag> flags = EnumSet.noneOf(CommandDef.Flag.class);
    for (CommandDef.Flag flag : CommandDef.Flag.qapi()) {
      if (mirrors.bool(command, flag.javaName())) {
        flags.add(flag);
      }
    }
    if (async) {
      flags.add(CommandDef.Flag.ASYNC);
    }
    definitions.add(
        new CommandDef(
            name,
            arguments.data(),
            returns,
            flags,
            annotations.features(method),
            condition,
            origin,
            javaName,
            Optional.of(new CommandDef.JavaSignature(javaTypes.javaType(method.getEnclosingElement().asType()),
                Optional.ofNullable(javaTypes.declaredJavaType(method.getReturnType())),
                inheritors((TypeElement) method.getEnclosingElement()), arguments.dataParameters()))));
  }

  /** The schema's interfaces that extend {@code owner}, directly or not, in the order they were walked. */
  private List<JavaType> inheritors(TypeElement owner) {
    List<JavaType> out = new ArrayList<>();
    for (TypeElement iface : superinterfaces.keySet()) {
      if (iface != owner && extendsInterface(iface, owner, new HashSet<>())) {
        out.add(javaTypes.javaType(iface.asType()));
      }
    }
    return out;
  }

  private boolean extendsInterface(TypeElement iface, TypeElement ancestor, Set<TypeElement> seen) {
    for (TypeElement sup : superinterfaces.getOrDefault(iface, List.of())) {
      if (sup == ancestor || (seen.add(sup) && extendsInterface(sup, ancestor, seen))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The {@code T} of a method returning {@code CompletionStage<T>} or {@code CompletableFuture<T>}
   * (an asynchronous command); null for any other return type.
   */
  private TypeMirror completionStageResult(TypeMirror ret, ExecutableElement method, String name) {
    String qualified = JavaTypes.qualifiedName(ret);
    if (!"java.util.concurrent.CompletionStage".equals(qualified)
        && !"java.util.concurrent.CompletableFuture".equals(qualified)) {
      return null;
    }
    DeclaredType declared = (DeclaredType) ret;
    List<? extends TypeMirror> args = declared.getTypeArguments();
    if (args.size() != 1 || args.get(0).getKind() != TypeKind.DECLARED) {
      problems.form(ElementOrigin.of(method), "the result of command " + name + ": an asynchronous command returns "
          + declared.asElement().getSimpleName() + "<T> with T its result (Void for none)");
      return elements.getTypeElement("java.lang.Void").asType();
    }
    return args.get(0);
  }

  void readEvent(TypeElement iface, ExecutableElement method) {
    AnnotationMirror event = mirrors.find(method, Mirrors.EVENT).orElseThrow();
    String javaName = method.getSimpleName().toString();
    String given = mirrors.string(event, "name");
    String name = given.isEmpty() ? Names.eventName(javaName) : given;
    ElementOrigin origin = annotations.withIf(ElementOrigin.of(method, event), method);
    if (given.isEmpty()) {
      origin = origin.derivedFrom(javaName, "@Event(name = \"...\")");
    }
    problems.context("In event '" + name + "':");
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      problems.form(ElementOrigin.of(method), "event method " + javaName + " must return void");
    }
    boolean boxed = mirrors.bool(event, "boxed");
    Condition condition = annotations.condition(method);
    Arguments arguments = readArguments(name, method, event, boxed, condition, origin);
    definitions.add(
        new EventDef(
            name,
            arguments.data(),
            boxed,
            annotations.features(method),
            condition,
            origin,
            javaTypes.javaType(iface.asType()),
            javaName,
            throttle(method, event, arguments.data()),
            arguments.dataParameters()));
  }

  /** {@code @Event(throttleMillis, throttleKey)}; the key must be a data member. */
  private Optional<EventDef.Throttle> throttle(
      ExecutableElement method, AnnotationMirror event, Optional<String> data) {
    long millis = (Long) mirrors.value(event, "throttleMillis");
    String key = mirrors.string(event, "throttleKey");
    if (millis <= 0) {
      if (!key.isEmpty()) {
        problems.form(ElementOrigin.of(method, event).attribute("throttleKey"),
            "throttleKey needs throttleMillis");
      }
      return Optional.empty();
    }
    return Optional.of(new EventDef.Throttle(millis, key.isEmpty() ? Optional.empty() : Optional.of(key)));
  }

  /**
   * A command's or event's arguments: the name of their type (none without arguments), and, for a
   * named struct's members declared one by one, the parameters that declare them (none if one of
   * them could not be read: its error is reported).
   */
  private record Arguments(Optional<String> data, Optional<List<Member>> dataParameters) {
    static final Arguments NONE = new Arguments(Optional.empty(), Optional.empty());

    Arguments(Optional<String> data) {
      this(data, Optional.empty());
    }
  }

  /**
   * The arguments of a command or event: the single parameter's type when boxed; the type
   * {@code data = S.class} names, with the parameters that declare its members; else an implicit
   * struct of the parameters (added to the definitions just before its owner).
   */
  private Arguments readArguments(
      String owner, ExecutableElement method, AnnotationMirror annotation, boolean boxed, Condition condition,
      ElementOrigin origin) {
    List<? extends VariableElement> params = method.getParameters();
    TypeMirror named = namedData(annotation);
    if (named != null && boxed) {
      String kind = annotation.getAnnotationType().asElement().getSimpleName().toString();
      problems.form(origin.attribute("data"),
          "@" + kind + "(data = " + simpleName(named) + ".class) and boxed = true do not go together:"
              + " boxed takes the type from the method's one parameter, data names it for parameters that"
              + " declare its members one by one; keep one of them");
    } else if (named != null) {
      TypeRef ref = javaTypes.typeRef(named, method, "'data'");
      List<Member> members = new ArrayList<>();
      boolean complete = true;
      for (VariableElement p : params) {
        Member m = typeReader.member(p, p.asType());
        if (m == null) {
          complete = false;
        } else {
          members.add(m);
        }
      }
      return new Arguments(ref == null ? Optional.empty() : Optional.of(ref.qapiName()),
          complete ? Optional.of(members) : Optional.empty());
    }
    if (boxed) {
      if (params.isEmpty()) {
        problems.rule(Rule.BOXED_NEEDS_DATA, origin.attribute("boxed"), "'boxed': true requires 'data'");
        return Arguments.NONE;
      }
      if (params.size() != 1) {
        problems.form(origin.attribute("boxed"),
            "'boxed': true requires exactly one parameter, the record whose members are the"
                + " arguments");
        return Arguments.NONE;
      }
      TypeRef ref = javaTypes.typeRef(params.get(0).asType(), params.get(0), "the boxed argument");
      if (ref instanceof TypeRef.Array) {
        problems.rule(Rule.TYPEREF_NO_ARRAY, ElementOrigin.of(params.get(0)), "'data' cannot be an array");
        return Arguments.NONE;
      }
      return new Arguments(ref == null ? Optional.empty() : Optional.of(ref.qapiName()));
    }
    if (params.isEmpty()) {
      return Arguments.NONE;
    }
    List<Member> members = new ArrayList<>();
    for (VariableElement p : params) {
      Member m = typeReader.member(p, p.asType());
      if (m != null) {
        members.add(m);
      }
    }
    String implicit = StructDef.implicitArgumentsName(owner);
    definitions.add(
        new StructDef(
            implicit, Optional.empty(), members, List.of(), condition, origin, true,
            Optional.empty()));
    return new Arguments(Optional.of(implicit));
  }

  /** A type as a class literal names it: {@code BlockDirtyBitmap}, {@code long}. */
  private static String simpleName(TypeMirror type) {
    return type instanceof DeclaredType d ? d.asElement().getSimpleName().toString() : type.toString();
  }

  /**
   * The type {@code data = S.class} of a {@code @Command} or {@code @Event} names: QAPI's
   * {@code 'data': 'S'} without {@code boxed}; null for {@code void.class}, the default.
   */
  private TypeMirror namedData(AnnotationMirror annotation) {
    Object value = mirrors.value(annotation, "data");
    if (!(value instanceof TypeMirror type) || type.getKind() == TypeKind.ERROR) {
      throw new JavaReader.Unresolved(String.valueOf(value));
    }
    return type.getKind() == TypeKind.VOID ? null : type;
  }
}
