package org.qapi4j.qapijson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The importer's layout of the lists JavaPoet fills up to its column limit: a pass over the text
 * JavaPoet rendered, which has no option for one a line.
 *
 * <ul>
 *   <li>A file's own record lists its components one a line, four spaces deeper than its
 *       declaration, and closes them with {@code )} alone at the declaration's indent, however few
 *       there are; a record with none is {@code record Empty() {}}.
 *   <li>A nested record (a union's or an alternate's branch) and a method (a command or an event)
 *       stay on one line if that line fits in {@value #WIDTH} columns, JavaPoet's limit, as the
 *       importer wrote a branch before JavaPoet; else they are laid out as a file's own record, a
 *       method's list closed by {@code );}.
 *   <li>A body with nothing in it is {@code {}}, on the declaration's last line.
 * </ul>
 *
 * <p>A list is split at its top-level commas only, never at one in a string or character literal
 * ({@code @Name("a,b")}), in parentheses ({@code @If("all(A, B)")}, an annotation's arguments) or
 * in angle brackets ({@code Map<String, List<Long>>}); the line breaks and indents JavaPoet put in
 * a component when it wrapped become one space, except in a literal. Nothing else changes: not a
 * token, not a comment, not the layout of the rest.
 *
 * <p>The text is Java as JavaPoet writes the importer's declarations, without statements: a line
 * that begins with a declaration's keyword or type, annotations on it aside, and a method's
 * declaration ending in {@code ;}.
 */
final class Layout {
  /** JavaPoet's column limit: what fits on one line. */
  static final int WIDTH = 100;

  /** A component's or parameter's indent, relative to its declaration's. */
  private static final String STEP = "    ";

  private static final String IDENTIFIER = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
  private static final String MODIFIERS =
      "(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp|default) )*";
  private static final Pattern RECORD = Pattern.compile(MODIFIERS + "record " + IDENTIFIER);
  /** A method's head: a type (ending in a name, {@code >} or {@code ]}), a space, the name. */
  private static final Pattern METHOD = Pattern.compile(".*[\\p{L}\\p{N}_$>\\]] " + IDENTIFIER);
  /** Words that begin a statement, never a method's declaration. */
  private static final Set<String> STATEMENTS = Set.of(
      "return", "throw", "new", "else", "case", "yield", "assert", "record", "class", "interface", "enum");

  private Layout() {}

  /** {@code java}, JavaPoet's rendering of a file, in the importer's layout. */
  static String apply(String java) {
    StringBuilder out = new StringBuilder(java.length());
    int pos = 0;
    while (pos < java.length()) {
      int eol = lineEnd(java, pos);
      int code = pos;
      while (code < eol && java.charAt(code) == ' ') {
        code++;
      }
      int end;
      if (java.startsWith("/*", code) || java.startsWith("//", code)) {
        // A comment, copied whole: a Javadoc's text is not Java.
        int close = java.startsWith("/*", code) ? java.indexOf("*/", code + 2) : -1;
        end = close < 0 ? eol : lineEnd(java, close + 2);
        out.append(java, pos, end);
      } else {
        Declaration d = declaration(java, pos, code);
        if (d != null) {
          out.append(d.text());
          end = d.end();
        } else {
          // Annotations on lines of their own (which JavaPoet may spread over several), or any
          // other line: as it is, but for an empty body.
          end = Math.max(eol, lineEnd(java, annotations(java, code)));
          out.append(java, pos, end);
          int next = emptyBodyEnd(java, end);
          if (next >= 0) {
            out.append('}');
            end = next;
          }
        }
      }
      if (end < java.length()) {
        out.append('\n');
      }
      pos = end + 1;
    }
    return out.toString();
  }

  /** A laid out declaration, and the end (a line's end) of what it replaces. */
  private record Declaration(String text, int end) {}

  private enum Kind { RECORD, METHOD }

  /**
   * The record or method declared from the line at {@code start} (its code from {@code code}), laid
   * out; null if that line declares neither.
   */
  private static Declaration declaration(String java, int start, int code) {
    int from = annotations(java, code);
    int open = listStart(java, from);
    if (open < 0) {
      return null;
    }
    String head = java.substring(from, open);
    Kind kind;
    if (RECORD.matcher(head).matches()) {
      kind = Kind.RECORD;
    } else if (METHOD.matcher(head).matches() && !STATEMENTS.contains(head.substring(0, head.indexOf(' ')))) {
      kind = Kind.METHOD;
    } else {
      return null;
    }
    int close = closing(java, open);
    if (close < 0) {
      return null;
    }
    int end = lineEnd(java, close);
    String rest = java.substring(close + 1, end);
    if (kind == Kind.RECORD ? !rest.endsWith(" {") : !rest.equals(";")) {
      return null;
    }
    if (kind == Kind.RECORD) {
      int next = emptyBodyEnd(java, end);
      if (next >= 0) {
        rest += "}";
        end = next;
      }
    }
    List<String> items = items(java, open + 1, close);
    if (items == null) {
      return null;
    }
    String indent = java.substring(start, code);
    String declared = java.substring(start, open + 1);
    String oneLine = declared + String.join(", ", items) + ")" + rest;
    boolean fileRecord = kind == Kind.RECORD && indent.isEmpty();
    if (items.isEmpty() || (!fileRecord && oneLine.length() <= WIDTH)) {
      return new Declaration(oneLine, end);
    }
    StringBuilder text = new StringBuilder(declared).append('\n');
    for (int i = 0; i < items.size(); i++) {
      text.append(indent).append(STEP).append(items.get(i)).append(i + 1 < items.size() ? ",\n" : "\n");
    }
    return new Declaration(text.append(indent).append(')').append(rest).toString(), end);
  }

  /**
   * Where the next line ends if the line ending at {@code eol} opens a body (ends in a brace) and
   * the next one, a closing brace alone (at any indent), closes it at once; else -1.
   */
  private static int emptyBodyEnd(String java, int eol) {
    if (eol >= java.length() || eol == 0 || java.charAt(eol - 1) != '{') {
      return -1;
    }
    int next = eol + 1;
    int end = lineEnd(java, next);
    return java.substring(next, end).strip().equals("}") ? end : -1;
  }

  /**
   * The components or parameters between {@code from} and {@code to}, each on one line, or null
   * if one is empty (a stray comma).
   */
  private static List<String> items(String java, int from, int to) {
    List<String> items = new ArrayList<>();
    StringBuilder item = new StringBuilder();
    int parens = 0;
    int angles = 0;
    for (int i = from; i < to; i++) {
      char c = java.charAt(i);
      if (c == '"' || c == '\'') {
        int end = literalEnd(java, i);
        item.append(java, i, end);
        i = end - 1;
      } else if (Character.isWhitespace(c)) {
        if (item.length() > 0 && item.charAt(item.length() - 1) != ' ') {
          item.append(' ');
        }
      } else if (c == ',' && parens == 0 && angles == 0) {
        items.add(item.toString().strip());
        item.setLength(0);
      } else {
        if (c == '(') {
          parens++;
        } else if (c == ')') {
          parens--;
        } else if (c == '<' && parens == 0) {
          angles++;
        } else if (c == '>' && parens == 0 && angles > 0) {
          angles--;
        }
        item.append(c);
      }
    }
    String last = item.toString().strip();
    if (!last.isEmpty() || !items.isEmpty()) {
      items.add(last);
    }
    return items.contains("") ? null : items;
  }

  /**
   * The {@code (} of the list the code at {@code from} declares: the first outside angle brackets
   * and annotations, before the line's end; -1 if the line has none, or has a literal, a body, an
   * initializer or a top-level comma before it.
   */
  private static int listStart(String java, int from) {
    int angles = 0;
    for (int i = from; i < java.length(); i++) {
      char c = java.charAt(i);
      switch (c) {
        case '\n', ';', '{', '}', '=', ')', '"', '\'', '/' -> {
          return -1;
        }
        case ',' -> {
          if (angles == 0) {
            return -1;
          }
        }
        case '<' -> angles++;
        case '>' -> angles--;
        case '@' -> i = annotation(java, i) - 1;
        case '(' -> {
          if (angles == 0) {
            return i;
          }
          return -1;
        }
        default -> { }
      }
    }
    return -1;
  }

  /** After the annotations (and the spaces after them) at {@code from}, which may span lines. */
  private static int annotations(String java, int from) {
    int i = from;
    while (i < java.length() && java.charAt(i) == '@' && !java.startsWith("@interface", i)) {
      i = annotation(java, i);
      while (i < java.length() && java.charAt(i) == ' ') {
        i++;
      }
    }
    return i;
  }

  /** After the annotation at {@code at}: its name, and its arguments if it has any. */
  private static int annotation(String java, int at) {
    int i = at + 1;
    while (i < java.length() && (Character.isJavaIdentifierPart(java.charAt(i)) || java.charAt(i) == '.')) {
      i++;
    }
    if (i < java.length() && java.charAt(i) == '(') {
      int close = closing(java, i);
      return close < 0 ? i : close + 1;
    }
    return i;
  }

  /** The {@code )} that closes the {@code (} at {@code open}, literals skipped; -1 if none does. */
  private static int closing(String java, int open) {
    int depth = 0;
    for (int i = open; i < java.length(); i++) {
      char c = java.charAt(i);
      if (c == '"' || c == '\'') {
        i = literalEnd(java, i) - 1;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** After the string or character literal that begins at {@code at}, escapes and all. */
  private static int literalEnd(String java, int at) {
    char quote = java.charAt(at);
    for (int i = at + 1; i < java.length(); i++) {
      char c = java.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote || c == '\n') {
        return i + 1;
      }
    }
    return java.length();
  }

  private static int lineEnd(String java, int from) {
    int eol = java.indexOf('\n', from);
    return eol < 0 ? java.length() : eol;
  }
}
