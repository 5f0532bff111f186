package org.qapi4j.processor.diag;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.tools.Diagnostic.Kind;
import org.qapi4j.model.Origin;
import org.qapi4j.model.check.Diagnostic;
import org.qapi4j.model.check.Rule;

/**
 * Prints diagnostics through javac's {@link Messager}, at the most precise position the origin
 * knows: {@code [qapi4j:RULE] In command 'x': message}.
 */
public final class MessagerSink {
  private final Messager messager;
  private final ElementOrigin fallback;

  /** {@code fallback} is where a diagnostic without a Java origin is reported (the schema root). */
  public MessagerSink(Messager messager, ElementOrigin fallback) {
    this.messager = messager;
    this.fallback = fallback;
  }

  public void report(Diagnostic d) {
    String text = "[qapi4j:" + d.rule().id() + "] " + d.text() + hint(d);
    Origin at = d.origin();
    if (d.rule().phase() == Rule.Phase.DOCS && at instanceof ElementOrigin e) {
      // A doc comment is its element's, not an annotation's: so is a missing one.
      at = ElementOrigin.of(e.element());
    }
    print(Kind.ERROR, text, at);
    d.note().ifPresent(n -> print(Kind.NOTE, n.message().strip(), n.origin()));
  }

  /** For a naming rule broken by a derived name, how to choose the name instead. */
  private static String hint(Diagnostic d) {
    if (!(d.origin() instanceof ElementOrigin o) || o.derivation().isEmpty()) {
      return "";
    }
    boolean naming =
        switch (d.rule()) {
          case NAME_INVALID, NAME_TYPE_CAMEL, NAME_TYPE_LIST, NAME_COMMAND, NAME_EVENT, NAME_MEMBER,
              MEMBER_RESERVED, DEFN_DUPLICATE, DEFN_CLASH, CLASH_MEMBER, ENUM_VALUE_CLASH -> true;
          default -> false;
        };
    ElementOrigin.Derivation how = o.derivation().get();
    return naming
        ? " (the name is derived from '" + how.javaName() + "'; choose another with " + how.fix() + ")"
        : "";
  }

  private void print(Kind kind, String text, Origin origin) {
    ElementOrigin at = origin instanceof ElementOrigin e ? e : fallback;
    if (at.element().getKind() == ElementKind.RECORD_COMPONENT) {
      // javac gives record components no position of their own: report on the record's field of
      // the same name, which sits where the component is written.
      for (Element e : at.element().getEnclosingElement().getEnclosedElements()) {
        if (e.getKind() == ElementKind.FIELD && e.getSimpleName().equals(at.element().getSimpleName())) {
          messager.printMessage(kind, text, e);
          return;
        }
      }
    }
    if (at.value().isPresent()) {
      messager.printMessage(kind, text, at.element(), at.annotation().orElseThrow(), at.value().get());
    } else if (at.annotation().isPresent()) {
      messager.printMessage(kind, text, at.element(), at.annotation().get());
    } else {
      messager.printMessage(kind, text, at.element());
    }
  }
}
