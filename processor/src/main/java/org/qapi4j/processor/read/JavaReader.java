package org.qapi4j.processor.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import org.qapi4j.model.Definition;
import org.qapi4j.model.Pragmas;
import org.qapi4j.model.Schema;
import org.qapi4j.model.check.Diagnostic;
import org.qapi4j.model.doc.SchemaDoc;
import org.qapi4j.processor.diag.ElementOrigin;

/**
 * The Java front end: reads a {@code @Schema} root and everything it reaches (the command
 * interfaces it extends, its events interfaces, the records and enums in their signatures) into the
 * schema model. It reports only what it cannot represent; every QAPI rule is the checks' business.
 *
 * <p>This class walks the root and keeps the order of the definitions; the reading is done, per
 * root, by {@link CommandReader} (commands and events), {@link TypeReader} (structs, enums, unions,
 * alternates, members), {@link JavaTypes} (Java type to QAPI type) and {@link Annotations}
 * ({@code @If}, features, names), all reporting to one {@link Problems} sink in the order found;
 * then {@link JavaDocReader#comments} reads the Javadoc's tags, which the model's documentation
 * rules check.
 */
public final class JavaReader {
  /** A type the schema refers to does not exist yet (another processor may generate it). */
  public static final class Unresolved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unresolved(String what) {
      super(what, null, false, false);
    }
  }

  /**
   * The model read, what could not be represented, and what the checks read of the Javadoc (its
   * tags, {@link JavaDocReader#comments}; no text: that is {@link JavaDocReader#read}'s).
   */
  public record Result(Schema schema, List<Diagnostic> problems, SchemaDoc doc) {}

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
    private final CommandReader commandReader =
        new CommandReader(elements, mirrors, problems, javaTypes, annotations, typeReader, definitions);

    Reading(TypeElement root) {
      this.root = root;
    }

    Result run() {
      AnnotationMirror schema = mirrors.find(root, Mirrors.SCHEMA).orElseThrow();
      if (root.getKind() != ElementKind.INTERFACE) {
        problems.form(ElementOrigin.of(root, schema), "@Schema must annotate an interface, not a " + kind(root));
      }
      for (ExecutableElement method : commandReader.commandMethods(root, new HashSet<>())) {
        commandReader.readCommand(method);
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
            commandReader.readEvent(iface, method);
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
      Schema model =
          new Schema(
              mirrors.string(schema, "value"),
              definitions,
              pragmas,
              ElementOrigin.of(root, schema),
              Optional.of(javaTypes.javaType(root.asType())));
      return new Result(model, problems.list(), JavaDocReader.comments(elements, model));
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
  }

  private static String kind(Element e) {
    return e.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
