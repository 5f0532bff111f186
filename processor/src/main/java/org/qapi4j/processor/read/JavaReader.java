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
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
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
import org.qapi4j.model.Pragmas;
import org.qapi4j.model.Schema;
import org.qapi4j.model.StructDef;
import org.qapi4j.model.TypeRef;
import org.qapi4j.model.check.Diagnostic;
import org.qapi4j.model.check.Rule;
import org.qapi4j.processor.diag.ElementOrigin;

/**
 * The Java front end: reads a {@code @Schema} root and everything it reaches (the command
 * interfaces it extends, its events interfaces, the records and enums in their signatures) into the
 * schema model. It reports only what it cannot represent; every QAPI rule is the checks' business.
 */
public final class JavaReader {
  /** A type the schema refers to does not exist yet (another processor may generate it). */
  public static final class Unresolved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unresolved(String what) {
      super(what, null, false, false);
    }
  }

  /** The model read, and what could not be represented. */
  public record Result(Schema schema, List<Diagnostic> problems) {}

  private final Elements elements;
  private final Mirrors mirrors;

  public JavaReader(Elements elements) {
    this.elements = elements;
    this.mirrors = new Mirrors(elements);
  }

  public Result read(TypeElement root) {
    return new Reading(root).run();
  }

  /** The state of reading one root. */
  private final class Reading {
    private final TypeElement root;
    private final Problems problems = new Problems();
    private final List<Definition> definitions = new ArrayList<>();
    private final List<Definition> types = new ArrayList<>();
    private final JavaTypes javaTypes = new JavaTypes(elements, mirrors, problems, types);
    private final Annotations annotations = new Annotations(mirrors, problems);
    private final TypeReader typeReader = new TypeReader(mirrors, problems, javaTypes, annotations, types);

    Reading(TypeElement root) {
      this.root = root;
    }

    Result run() {
      AnnotationMirror schema = mirrors.find(root, Mirrors.SCHEMA).orElseThrow();
      if (root.getKind() != ElementKind.INTERFACE) {
        problems.form(ElementOrigin.of(root, schema), "@Schema must annotate an interface, not a " + kind(root));
      }
      for (ExecutableElement method : commandMethods(root, new HashSet<>())) {
        readCommand(method);
      }
      for (DeclaredType events : mirrors.types(schema, "events")) {
        TypeElement iface = (TypeElement) events.asElement();
        if (iface.getKind() != ElementKind.INTERFACE) {
          problems.form(ElementOrigin.of(root, schema).attribute("events"),
              "events type " + iface.getQualifiedName() + " must be an interface");
          continue;
        }
        for (ExecutableElement method : ElementFilter.methodsIn(iface.getEnclosedElements())) {
          if (mirrors.find(method, Mirrors.EVENT).isPresent()) {
            readEvent(iface, method);
          } else if (method.getModifiers().contains(Modifier.ABSTRACT)) {
            problems.form(ElementOrigin.of(method),
                "method " + method.getSimpleName() + " of events interface " + iface.getSimpleName()
                    + " is not annotated @Event");
          }
        }
      }
      for (DeclaredType extra : mirrors.types(schema, "types")) {
        javaTypes.typeRef(extra, root, "type " + extra + " of @Schema(types)");
      }
      for (TypeElement t = javaTypes.nextToRead(); t != null; t = javaTypes.nextToRead()) {
        typeReader.readType(t);
      }
      List<Definition> ordered = inDefinitionOrder(definitions, mirrors.strings(schema, "definitionOrder"));
      definitions.clear();
      definitions.addAll(ordered);
      definitions.addAll(types);
      Pragmas pragmas =
          new Pragmas(
              mirrors.bool(schema, "docRequired"),
              mirrors.strings(schema, "commandNameExceptions"),
              mirrors.strings(schema, "commandReturnsExceptions"),
              mirrors.strings(schema, "memberNameExceptions"));
      for (Definition d : definitions) {
        if (d.implicit() || !(d.origin() instanceof ElementOrigin o)) {
          continue;
        }
        String doc = elements.getDocComment(o.element());
        if (doc != null) {
          checkDoc(d, o.element(), doc);
        } else if (pragmas.docRequired()) {
          problems.add(new Diagnostic(Rule.DOC_REQUIRED, ElementOrigin.of(o.element()),
              "In " + d.meta() + " '" + d.name() + "':", "documentation comment required", Optional.empty()));
        }
      }
      Schema model =
          new Schema(
              mirrors.string(schema, "value"),
              definitions,
              pragmas,
              ElementOrigin.of(root, schema),
              Optional.of(javaTypes.javaType(root.asType())));
      return new Result(model, problems.list());
    }

    /**
     * The commands and events (each with the implicit argument type just before it) in the order
     * {@code @Schema(definitionOrder)} gives; the unlisted ones after, in Java order.
     */
    private List<Definition> inDefinitionOrder(List<Definition> defs, List<String> order) {
      if (order.isEmpty()) {
        return List.copyOf(defs);
      }
      Map<String, Integer> rank = new java.util.HashMap<>();
      for (int i = 0; i < order.size(); i++) {
        rank.putIfAbsent(order.get(i), i);
      }
      List<List<Definition>> groups = new ArrayList<>();
      List<Definition> group = new ArrayList<>();
      for (Definition d : defs) {
        group.add(d);
        if (!d.implicit()) {
          groups.add(group);
          group = new ArrayList<>();
        }
      }
      groups.sort(java.util.Comparator.comparingInt(
          g -> rank.getOrDefault(g.get(g.size() - 1).name(), Integer.MAX_VALUE)));
      List<Definition> out = new ArrayList<>();
      groups.forEach(out::addAll);
      out.addAll(group);
      return out;
    }

    /** The schema's interfaces in the order they were walked, each with its direct superinterfaces. */
    private final Map<TypeElement, List<TypeElement>> superinterfaces = new LinkedHashMap<>();

    /** The command methods of an interface: its superinterfaces' first, depth first, then its own. */
    private List<ExecutableElement> commandMethods(TypeElement iface, Set<String> visited) {
      List<ExecutableElement> out = new ArrayList<>();
      if (!visited.add(iface.getQualifiedName().toString())) {
        return out;
      }
      List<TypeElement> supers = new ArrayList<>();
      superinterfaces.put(iface, supers);
      for (TypeMirror sup : iface.getInterfaces()) {
        if (sup.getKind() == TypeKind.ERROR) {
          throw new Unresolved(sup.toString());
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

    private void readCommand(ExecutableElement method) {
      AnnotationMirror command = mirrors.find(method, Mirrors.COMMAND).orElseThrow();
      String javaName = method.getSimpleName().toString();
      String given = mirrors.string(command, "name");
      String name = given.isEmpty() ? Names.kebab(javaName) : given;
      // A command's 'returns' is its method's return type: errors about it point at the method.
      ElementOrigin origin =
          annotations.withIf(ElementOrigin.of(method, command), method).withAttribute("returns", ElementOrigin.of(method));
      if (given.isEmpty()) {
        origin = origin.derivedFrom(javaName, "@Command(name = \"...\")");
      }
      problems.context("In command '" + name + "':");
      boolean boxed = mirrors.bool(command, "boxed");
      Condition condition = annotations.condition(method);
      Optional<String> data = readArguments(name, method, boxed, condition, origin);
      Optional<TypeRef> returns = Optional.empty();
      TypeMirror ret = method.getReturnType();
      TypeMirror stage = completionStageResult(ret, method, name);
      boolean async = stage != null;
      if (async) {
        ret = stage;
      }
      if (ret.getKind() != TypeKind.VOID && !"java.lang.Void".equals(JavaTypes.qualifiedName(ret))) {
        returns = Optional.ofNullable(javaTypes.typeRef(ret, method, "the result of command " + name));
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
              data,
              returns,
              flags,
              annotations.features(method),
              condition,
              origin,
              javaName,
              Optional.of(new CommandDef.JavaSignature(javaTypes.javaType(method.getEnclosingElement().asType()),
                  Optional.ofNullable(javaTypes.declaredJavaType(method.getReturnType())),
                  inheritors((TypeElement) method.getEnclosingElement())))));
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

    private void readEvent(TypeElement iface, ExecutableElement method) {
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
      Optional<String> data = readArguments(name, method, boxed, condition, origin);
      definitions.add(
          new EventDef(
              name,
              data,
              boxed,
              annotations.features(method),
              condition,
              origin,
              javaTypes.javaType(iface.asType()),
              javaName,
              throttle(method, event, data)));
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
     * The argument type of a command or event: the single parameter's type when boxed, else an
     * implicit struct of the parameters (added to the definitions just before its owner).
     */
    private Optional<String> readArguments(
        String owner, ExecutableElement method, boolean boxed, Condition condition, ElementOrigin origin) {
      List<? extends VariableElement> params = method.getParameters();
      if (boxed) {
        if (params.isEmpty()) {
          problems.rule(Rule.BOXED_NEEDS_DATA, origin.attribute("boxed"), "'boxed': true requires 'data'");
          return Optional.empty();
        }
        if (params.size() != 1) {
          problems.form(origin.attribute("boxed"),
              "'boxed': true requires exactly one parameter, the record whose members are the"
                  + " arguments");
          return Optional.empty();
        }
        TypeRef ref = javaTypes.typeRef(params.get(0).asType(), params.get(0), "the boxed argument");
        if (ref instanceof TypeRef.Array) {
          problems.rule(Rule.TYPEREF_NO_ARRAY, ElementOrigin.of(params.get(0)), "'data' cannot be an array");
          return Optional.empty();
        }
        return ref == null ? Optional.empty() : Optional.of(ref.qapiName());
      }
      if (params.isEmpty()) {
        return Optional.empty();
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
      return Optional.of(implicit);
    }

    /**
     * QEMU's checks of a doc comment against its definition, on Javadoc: every {@code @param} names
     * a record component or method parameter, once; {@code @return} and {@code @since} come once,
     * and {@code @return} only on a command. (Type parameters, {@code @param <T>}, are Java's.)
     */
    private void checkDoc(Definition d, Element element, String doc) {
      java.util.Set<String> known = new java.util.HashSet<>();
      if (element instanceof ExecutableElement method) {
        method.getParameters().forEach(p -> known.add(p.getSimpleName().toString()));
      } else if (element instanceof TypeElement type && type.getKind() == ElementKind.RECORD) {
        type.getRecordComponents().forEach(c -> known.add(c.getSimpleName().toString()));
      }
      ElementOrigin at = ElementOrigin.of(element);
      java.util.Set<String> documented = new java.util.LinkedHashSet<>();
      List<String> bogus = new ArrayList<>();
      int returns = 0;
      int since = 0;
      for (int line = 0, end; line < doc.length(); line = end + 1) {
        end = doc.indexOf('\n', line);
        if (end < 0) {
          end = doc.length();
        }
        String[] words = tagWords(doc, line, end);
        if (words == null) {
          continue;
        }
        switch (words[0]) {
          case "@param" -> {
            if (words.length < 2 || words[1].startsWith("<")) {
              continue;
            }
            if (!documented.add(words[1])) {
              problems.doc(Rule.DOC_DUPLICATE_SECTION, at, "'" + words[1] + "' parameter name duplicated");
            } else if (!known.contains(words[1])) {
              bogus.add(words[1]);
            }
          }
          case "@return" -> {
            if (++returns == 2) {
              problems.doc(Rule.DOC_DUPLICATE_SECTION, at, "duplicated '@return' section");
            }
          }
          case "@since" -> {
            if (++since == 2) {
              problems.doc(Rule.DOC_DUPLICATE_SECTION, at, "duplicated '@since' section");
            }
          }
          default -> { }
        }
      }
      if (returns > 0 && !(d instanceof CommandDef)) {
        problems.doc(Rule.DOC_RETURNS_NON_COMMAND, at, "'@return' is only valid for commands");
      }
      if (!bogus.isEmpty()) {
        boolean many = bogus.size() > 1;
        problems.doc(Rule.DOC_BOGUS_MEMBER, at, "documented member" + (many ? "s" : "") + " '"
            + String.join("', '", bogus) + "' " + (many ? "do" : "does") + " not exist");
      }
    }

    /**
     * The block tag of a Javadoc line and the word after it ({@code ["@param", "x"]}), or
     * {@code null} if the line does not start with a block tag. Split by hand: the doc of every
     * definition goes through here, and a regex per line was a fifth of the processor's thread.
     */
    private static String[] tagWords(String doc, int from, int to) {
      int tag = skip(doc, from, to, true);
      if (tag == to || doc.charAt(tag) != '@') {
        return null;
      }
      int tagEnd = skip(doc, tag, to, false);
      int word = skip(doc, tagEnd, to, true);
      String name = doc.substring(tag, tagEnd);
      return word == to ? new String[] {name} : new String[] {name, doc.substring(word, skip(doc, word, to, false))};
    }

    /** The first index from {@code i} (below {@code to}) whose character's whitespace is not {@code space}. */
    private static int skip(String s, int i, int to, boolean space) {
      while (i < to && Character.isWhitespace(s.charAt(i)) == space) {
        i++;
      }
      return i;
    }

  }

  private static String kind(Element e) {
    return e.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }


}
