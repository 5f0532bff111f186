package org.qapi4j.model.introspect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.qapi4j.model.Condition;
import org.qapi4j.model.Schema;

/**
 * Which of a schema's {@code 'if'} symbols a build of QEMU defined, told from that build's
 * {@code query-qmp-schema} reply: QEMU does not report its configuration over QMP, but every
 * symbol it defines changes some entry of the reply (a command, an event, a member, an enum value,
 * a branch) and the masked type names do not depend on the symbols.
 *
 * <p>The distance between the schema's introspection and the reply is counted in parts of entries
 * that one has and the other lacks: an entry's own line (its name, meta-type, types) and each
 * element of its lists (members, enum values, variants, features), so that a symbol which adds one
 * enum value to an entry still differing in others brings it closer. The search starts with no
 * symbol defined and defines, one at a time, each symbol that lessens the distance, until none
 * does (then two at a time, for symbols that only matter together); then it undefines each
 * symbol the reply does not need (one that an {@code any} made
 * redundant, say). A symbol that changes nothing in the reply stays undefined: the reply cannot
 * tell; of two that change the same, the first in name order is taken. The result is a claim to
 * check, not a proof: with it {@link SchemaInfo#render} must give the reply byte for byte, and
 * {@link Inference#partsDiffering} says how far it stayed from it.
 */
public final class DefinedSymbols {
  /** The symbols found, and how many parts of entries the introspection still differs by (0 when it equals the reply). */
  public record Inference(Set<String> defined, int partsDiffering) {}

  private final List<Conditional> entries;
  private final KeyOrder order;
  private final List<List<String>> rendered = new ArrayList<>();
  private final Map<String, Integer> balance = new HashMap<>();
  private int distance;

  private DefinedSymbols(List<Conditional> entries, List<String> reply, KeyOrder order) {
    this.entries = entries;
    this.order = order;
    entries.forEach(e -> rendered.add(List.of()));
    reply.forEach(e -> parts(e).forEach(part -> add(part, -1)));
  }

  /**
   * The symbols of {@code schema} that the build which answered {@code reply} defined; the
   * introspection is printed with {@code order} (QEMU's QDict order to match a real reply).
   */
  public static Inference inferredFrom(Schema schema, String reply, KeyOrder order) {
    List<Conditional> entries = SchemaInfo.of(schema, false);
    DefinedSymbols search = new DefinedSymbols(entries, entries(reply), order);
    Set<String> defined = new TreeSet<>();
    for (int i = 0; i < entries.size(); i++) {
      search.render(i, defined);
    }
    Map<String, List<Integer>> affected = new java.util.TreeMap<>();
    for (int i = 0; i < entries.size(); i++) {
      for (String s : symbols(entries.get(i), new TreeSet<>())) {
        affected.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
      }
    }
    boolean progress = true;
    while (progress && search.distance > 0) {
      progress = false;
      for (Map.Entry<String, List<Integer>> s : affected.entrySet()) {
        if (!defined.contains(s.getKey())) {
          progress |= search.keepIf(List.of(s.getKey()), s.getValue(), defined, true);
        }
      }
      if (!progress) {
        progress = search.pairs(affected, defined);
      }
    }
    for (Map.Entry<String, List<Integer>> s : affected.entrySet()) {
      if (defined.contains(s.getKey())) {
        search.keepIf(List.of(s.getKey()), s.getValue(), defined, false);
      }
    }
    return new Inference(Set.copyOf(defined), search.distance);
  }

  /**
   * Defines two undefined symbols at once where neither alone helps ({@code 'all': ['CONFIG_OPENGL',
   * 'CONFIG_GBM']}): the first pair of symbols affecting a same entry that brings the
   * introspection closer. True if there was one.
   */
  private boolean pairs(Map<String, List<Integer>> affected, Set<String> defined) {
    List<String> open = affected.keySet().stream().filter(s -> !defined.contains(s)).toList();
    for (int a = 0; a < open.size(); a++) {
      for (int b = a + 1; b < open.size(); b++) {
        List<Integer> first = affected.get(open.get(a));
        List<Integer> second = affected.get(open.get(b));
        if (first.stream().anyMatch(second::contains)) {
          List<Integer> both = new ArrayList<>(first);
          both.addAll(second);
          if (keepIf(List.of(open.get(a), open.get(b)), both, defined, true)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Defines {@code symbols} (or undefines them), re-rendering the entries they affect, and keeps
   * the change if it brings the introspection closer (when defining) or no further (when
   * undefining).
   */
  private boolean keepIf(List<String> symbols, List<Integer> affected, Set<String> defined, boolean define) {
    int before = distance;
    flip(symbols, defined, define);
    affected.forEach(i -> render(i, defined));
    if (define ? distance < before : distance <= before) {
      return true;
    }
    flip(symbols, defined, !define);
    affected.forEach(i -> render(i, defined));
    return false;
  }

  private static void flip(List<String> symbols, Set<String> defined, boolean define) {
    if (define) {
      defined.addAll(symbols);
    } else {
      defined.removeAll(symbols);
    }
  }

  /** Entry {@code i} as printed with {@code defined}, or none when its own condition fails. */
  private void render(int i, Set<String> defined) {
    Conditional c = entries.get(i);
    List<String> now = c.condition().holds(defined) ? parts(QemuJson.write(QemuJson.evaluate(c.value(), defined), order)) : List.of();
    rendered.get(i).forEach(part -> add(part, -1));
    rendered.set(i, now);
    now.forEach(part -> add(part, 1));
  }

  /** Counts {@code entry} once more (+1: ours) or once less (-1: the reply's); keeps the distance. */
  private void add(String entry, int delta) {
    int before = balance.getOrDefault(entry, 0);
    int after = before + delta;
    distance += Math.abs(after) - Math.abs(before);
    if (after == 0) {
      balance.remove(entry);
    } else {
      balance.put(entry, after);
    }
  }

  private static Set<String> symbols(Object value, Set<String> into) {
    if (value instanceof Conditional c) {
      condition(c.condition(), into);
      symbols(c.value(), into);
    } else if (value instanceof List<?> list) {
      list.forEach(e -> symbols(e, into));
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> symbols(v, into));
    }
    return into;
  }

  private static void condition(Condition c, Set<String> into) {
    if (c instanceof Condition.Symbol s) {
      into.add(s.name());
    } else if (c instanceof Condition.All a) {
      a.operands().forEach(o -> condition(o, into));
    } else if (c instanceof Condition.Any a) {
      a.operands().forEach(o -> condition(o, into));
    } else if (c instanceof Condition.Not n) {
      condition(n.operand(), into);
    }
  }

  /**
   * The parts of an entry as printed: the entry with its lists emptied, then each element of each
   * list, after that line and the list's position.
   */
  static List<String> parts(String entry) {
    List<String> line = new ArrayList<>();
    List<String> elements = new ArrayList<>();
    int list = -1;
    for (String member : children(entry, 0)) {
      int value = member.indexOf("\": ") + 3; // after the key, a plain name
      if (value > 2 && member.startsWith("[", value)) {
        list++;
        line.add(member.substring(0, value) + "[]");
        for (String element : children(member, value)) {
          elements.add(list + ":" + element);
        }
      } else {
        line.add(member);
      }
    }
    String emptied = "{" + String.join(", ", line) + "}";
    List<String> parts = new ArrayList<>();
    parts.add(emptied);
    elements.forEach(e -> parts.add(emptied + "\u0000" + e));
    return parts;
  }

  /**
   * The top-level objects of a reply, {@code [{...}, {...}]}, each as the text it was written
   * with (QEMU and {@link QemuJson} write the same bytes for the same entry).
   */
  static List<String> entries(String reply) {
    int open = reply.indexOf('[');
    return open < 0 ? List.of() : children(reply, open);
  }

  /**
   * The children of the array or object that opens at {@code open} in {@code text}: each element,
   * or each {@code "key": value} member, as written between its separators, trimmed. Text past
   * the end counts as the container's end.
   */
  private static List<String> children(String text, int open) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = open + 1;
    boolean inString = false;
    for (int i = open; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (inString) {
        if (ch == '\\') {
          i++;
        } else if (ch == '"') {
          inString = false;
        }
      } else if (ch == '"') {
        inString = true;
      } else if (ch == '{' || ch == '[') {
        depth++;
      } else if (ch == '}' || ch == ']') {
        if (--depth == 0) {
          add(out, text.substring(start, i));
          return out;
        }
      } else if (ch == ',' && depth == 1) {
        add(out, text.substring(start, i));
        start = i + 1;
      }
    }
    add(out, text.substring(Math.min(start, text.length())));
    return out;
  }

  private static void add(List<String> children, String child) {
    String trimmed = child.strip();
    if (!trimmed.isEmpty()) {
      children.add(trimmed);
    }
  }
}
