package org.qapi4j.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a condition used by {@code @If}: a symbol, or {@code all(...)},
 * {@code any(...)}, {@code not(...)} of conditions ({@code all(TARGET_I386, not(CONFIG_X))}).
 * Symbols are not validated here: the checks report an invalid one with QEMU's message.
 */
public final class ConditionSyntax {
  private final String text;
  private int pos;

  private ConditionSyntax(String text) {
    this.text = text;
  }

  /** Parses a condition; throws {@link IllegalArgumentException} with a message if malformed. */
  public static Condition parse(String text) {
    ConditionSyntax p = new ConditionSyntax(text);
    Condition c = p.condition();
    p.blanks();
    if (p.pos != text.length()) {
      throw p.error("unexpected '" + text.substring(p.pos) + "'");
    }
    return c;
  }

  /** The text form of a condition, as {@link #parse} reads it. */
  public static String format(Condition c) {
    if (c instanceof Condition.Symbol s) {
      return s.name();
    }
    if (c instanceof Condition.Not n) {
      return "not(" + format(n.operand()) + ")";
    }
    List<Condition> operands = c instanceof Condition.All a ? a.operands() : ((Condition.Any) c).operands();
    return (c instanceof Condition.All ? "all(" : "any(")
        + String.join(", ", operands.stream().map(ConditionSyntax::format).toList()) + ")";
  }

  private Condition condition() {
    blanks();
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    String word = text.substring(start, pos);
    blanks();
    if (pos < text.length() && text.charAt(pos) == '(') {
      pos++;
      List<Condition> operands = new ArrayList<>();
      blanks();
      if (pos < text.length() && text.charAt(pos) == ')') {
        pos++;
      } else {
        while (true) {
          operands.add(condition());
          blanks();
          if (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
          } else if (pos < text.length() && text.charAt(pos) == ')') {
            pos++;
            break;
          } else {
            throw error("expected ',' or ')'");
          }
        }
      }
      switch (word) {
        case "all", "any" -> {
          if (operands.isEmpty()) {
            throw error(word + "() needs at least one condition");
          }
          return word.equals("all") ? new Condition.All(operands) : new Condition.Any(operands);
        }
        case "not" -> {
          if (operands.size() != 1) {
            throw error("not() takes one condition");
          }
          return new Condition.Not(operands.get(0));
        }
        default -> throw error("'" + word + "(' is not all(, any( or not(");
      }
    }
    if (word.isEmpty()) {
      throw error("expected a symbol, all(...), any(...) or not(...)");
    }
    return new Condition.Symbol(word);
  }

  private void blanks() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("malformed condition \"" + text + "\": " + message);
  }
}
