package org.qapi4j.cli.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Completion from the server's schema: command names (and {@code transaction(}) first on a line;
 * then the command's argument names, as {@code name=} ({@code name.} for a member that is an
 * object, to go on with its members), those already given left out; after {@code name=}, the
 * values of an enum (a union's discriminator: its branches), {@code true}/{@code false} for a
 * boolean. A union's members include those of the branch its discriminator names earlier on the
 * line ({@code blockdev-add driver=file f} completes {@code filename=}). In a transaction, the
 * first word is an action type, the rest its data's members.
 *
 * <p>Words are split as {@link CommandParser} splits them ({@link #parser}), so a completion is
 * never taken apart by JLine's own rules.
 */
public final class Completion {
  /** One proposal: the whole word, and whether it ends the word (a space follows). */
  public record Suggestion(String text, boolean complete) {}

  /** The proposals for the word at the cursor, which starts at {@code wordStart}. */
  public record Result(int wordStart, String word, List<Suggestion> suggestions) {
    /** The texts proposed, in order. */
    public List<String> texts() {
      return suggestions.stream().map(Suggestion::text).toList();
    }
  }

  private final ServerSchema schema;

  public Completion(ServerSchema schema) {
    this.schema = schema;
  }

  /** The proposals for {@code line} with the cursor at {@code cursor}; {@code transaction}: a transaction is being entered. */
  public Result complete(String line, int cursor, boolean transaction) {
    List<CommandParser.Word> before = CommandParser.words(line.substring(0, cursor));
    List<CommandParser.Word> all = CommandParser.words(line);
    int start = cursor;
    String word = "";
    if (!before.isEmpty() && before.get(before.size() - 1).end() == cursor) {
      CommandParser.Word w = before.remove(before.size() - 1);
      start = w.start();
      word = w.text();
    }
    final int wordStart = start;
    List<CommandParser.Word> others = all.stream().filter(w -> w.start() != wordStart).toList();
    List<String> prior = before.stream().map(CommandParser.Word::text).toList();
    List<Suggestion> out = new ArrayList<>();
    if (schema == null) {
      return new Result(start, word, out);
    }
    boolean inTransaction = transaction;
    int first = 0;
    if (!prior.isEmpty() && prior.get(0).equals("transaction(")) {
      inTransaction = true;
      first = 1;
    }
    if (prior.size() == first) {
      if (inTransaction) {
        actionTypes().forEach(t -> out.add(new Suggestion(t, true)));
        out.add(new Suggestion(")", true));
      } else {
        out.add(new Suggestion("transaction(", true));
        schema.enabledCommands().forEach(c -> out.add(new Suggestion(c, true)));
      }
      return filtered(start, word, out);
    }
    if (!schema.typed()) {
      return new Result(start, word, out);
    }
    String type = inTransaction ? actionDataType(prior.get(first)) : schema.argType(prior.get(0));
    if (type == null) {
      return new Result(start, word, out);
    }
    Map<String, Object> given = given(others.stream()
        .map(CommandParser.Word::text).filter(t -> t.contains("=")).toList());
    int eq = word.indexOf('=');
    if (eq >= 0) {
      String key = word.substring(0, eq);
      String memberType = typeAt(type, given, key);
      for (String v : values(memberType)) {
        out.add(new Suggestion(key + "=" + v, true));
      }
      return filtered(start, word, out);
    }
    int dot = word.lastIndexOf('.');
    String prefix = dot < 0 ? "" : word.substring(0, dot + 1);
    String objectType = dot < 0 ? type : typeAt(type, given, word.substring(0, dot));
    Map<?, ?> level = dot < 0 ? given : at(given, word.substring(0, dot));
    if (objectType == null || !"object".equals(schema.metaType(objectType))) {
      return new Result(start, word, out);
    }
    for (ServerSchema.Member m : schema.membersGiven(objectType, level)) {
      if (level != null && level.containsKey(m.name()) && !(level.get(m.name()) instanceof Map)) {
        continue;
      }
      String kind = schema.metaType(m.type());
      boolean object = "object".equals(kind)
          || ("alternate".equals(kind) && schema.alternatives(m.type()).stream().anyMatch(b -> "object".equals(schema.metaType(b))));
      if (!"object".equals(kind)) {
        out.add(new Suggestion(prefix + m.name() + "=", false));
      }
      if (object) {
        out.add(new Suggestion(prefix + m.name() + ".", false));
      }
    }
    return filtered(start, word, out);
  }

  private static Result filtered(int start, String word, List<Suggestion> all) {
    return new Result(start, word, all.stream().filter(s -> s.text().startsWith(word)).toList());
  }

  /** The values to propose for a member of this type. */
  private List<String> values(String type) {
    List<String> v = new ArrayList<>();
    if (type == null) {
      return v;
    }
    String meta = schema.metaType(type);
    if ("enum".equals(meta)) {
      v.addAll(schema.enumValues(type));
    } else if ("builtin".equals(meta) && "boolean".equals(schema.jsonType(type))) {
      v.addAll(List.of("true", "false"));
    } else if ("alternate".equals(meta)) {
      schema.alternatives(type).forEach(b -> v.addAll(values(b)));
    }
    return v;
  }

  /** The arguments given on the line so far, as far as they read (conflicts ignored). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> given(List<String> words) {
    Map<String, Object> top = new LinkedHashMap<>();
    for (String w : words) {
      int eq = w.indexOf('=');
      String[] path = w.substring(0, eq).split("\\.", -1);
      Map<String, Object> m = top;
      boolean ok = true;
      for (int i = 0; i < path.length - 1 && ok; i++) {
        Object o = m.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        if (o instanceof Map) {
          m = (Map<String, Object>) o;
        } else {
          ok = false;
        }
      }
      if (ok) {
        m.putIfAbsent(path[path.length - 1], Values.parse(w.substring(eq + 1)));
      }
    }
    return top;
  }

  private static Map<?, ?> at(Map<?, ?> given, String dotted) {
    Map<?, ?> m = given;
    for (String k : dotted.split("\\.", -1)) {
      if (m == null || !(m.get(k) instanceof Map<?, ?> next)) {
        return null;
      }
      m = next;
    }
    return m;
  }

  /** The type of the member at a dotted key under an object of type {@code type}; null if none. */
  private String typeAt(String type, Map<?, ?> given, String dotted) {
    String t = type;
    Map<?, ?> level = given;
    for (String k : dotted.split("\\.", -1)) {
      t = objectBranch(t);
      if (t == null || !"object".equals(schema.metaType(t))) {
        return null;
      }
      String next = null;
      for (ServerSchema.Member m : schema.membersGiven(t, level)) {
        if (m.name().equals(k)) {
          next = m.type();
        }
      }
      if (next == null) {
        return null;
      }
      t = next;
      level = level != null && level.get(k) instanceof Map<?, ?> sub ? sub : null;
    }
    return t;
  }

  /** An object type itself, or an alternate's object branch. */
  private String objectBranch(String type) {
    if ("alternate".equals(schema.metaType(type))) {
      return schema.alternatives(type).stream().filter(b -> "object".equals(schema.metaType(b))).findFirst().orElse(null);
    }
    return type;
  }

  /** The {@code type} values of transaction's actions: the branches of its union. */
  private List<String> actionTypes() {
    String union = actionUnion();
    return union == null ? List.of() : List.copyOf(schema.variants(union).keySet());
  }

  private String actionUnion() {
    if (!schema.typed()) {
      return null;
    }
    String arg = schema.argType("transaction");
    if (arg == null) {
      return null;
    }
    for (ServerSchema.Member m : schema.members(arg)) {
      if (m.name().equals("actions")) {
        return schema.elementType(m.type());
      }
    }
    return null;
  }

  /** The type of an action's {@code data}, for its type name. */
  private String actionDataType(String action) {
    String union = actionUnion();
    String wrapper = union == null ? null : schema.variants(union).get(action);
    if (wrapper == null) {
      return null;
    }
    return schema.members(wrapper).stream().filter(m -> m.name().equals("data")).map(ServerSchema.Member::type)
        .findFirst().orElse(null);
  }

  /** A JLine completer on this completion; {@code transaction} tells whether a transaction is being entered. */
  public Completer completer(BooleanSupplier transaction) {
    return (LineReader reader, ParsedLine line, List<Candidate> candidates) -> {
      Result r = complete(line.line(), line.cursor(), transaction.getAsBoolean());
      for (Suggestion s : r.suggestions()) {
        candidates.add(new Candidate(s.text(), s.text(), null, null, null, null, s.complete()));
      }
    };
  }

  /** A JLine parser that splits words as qmp-shell does, and never asks for more lines. */
  public static Parser parser() {
    return (line, cursor, context) -> {
      List<CommandParser.Word> words = CommandParser.words(line);
      List<String> texts = new ArrayList<>();
      int index = -1;
      int wordCursor = 0;
      String word = "";
      for (CommandParser.Word w : words) {
        texts.add(w.text());
        if (cursor >= w.start() && cursor <= w.end()) {
          index = texts.size() - 1;
          wordCursor = cursor - w.start();
          word = w.text();
        }
      }
      if (index < 0) {
        int at = 0;
        while (at < words.size() && words.get(at).end() < cursor) {
          at++;
        }
        texts.add(at, "");
        index = at;
      }
      return new Line(line, texts, index, word, wordCursor, cursor);
    };
  }

  private record Line(String line, List<String> words, int wordIndex, String word, int wordCursor, int cursor)
      implements CompletingParsedLine {
    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor;
    }

    @Override
    public int rawWordLength() {
      return word.length();
    }
  }
}
