package org.qapi4j.cli.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the shell's command lines into QMP commands exactly as qmp-shell does ({@code _build_cmd}
 * and {@code _cli_expr} in QEMU's {@code python/qemu/qmp/qmp_shell.py}):
 *
 * <ul>
 *   <li>a line is split into words at white space outside quotes ({@code "..."} or {@code '...'},
 *       kept in the word);
 *   <li>{@code command key=value ...}: each further word is split at its first {@code =}; dotted
 *       keys ({@code backend.data.path=x}) build nested objects; the value is read by
 *       {@link Values#parse};
 *   <li>{@code transaction(} starts a transaction: each following line (prompt {@code TRANS>}) is
 *       an action, {@code type key=value ...}, until a line {@code )} (or an action line ending in
 *       {@code )}); then {@code {"execute": "transaction", "arguments": {"actions": [{"type": ...,
 *       "data": {...}}, ...]}}} is the command. {@code transaction( a x=1 b y=2 )} on one line
 *       reads as qmp-shell reads it: one action {@code a} with arguments {@code x}, {@code b} (an
 *       error: not {@code key=value}), ...
 * </ul>
 *
 * <p>One departure: QEMU 7.2's qmp-shell resolves a dotted key from where the previous dotted key
 * of the line ended ({@code a.b=1 c.d=2} gives {@code {"a": {"b": 1, "c": {"d": 2}}}}: a defect,
 * its variable {@code parent} is not reset between arguments), and so names the key in conflict
 * with a path that may be empty; here every key starts from the top ({@code {"a": {"b": 1}, "c":
 * {"d": 2}}}), as its documentation describes, and the conflict names the key typed.
 *
 * <p>Not thread-safe: it keeps the transaction being entered.
 */
public final class CommandParser {
  /** qmp-shell's {@code argument_regex}. */
  static final Pattern WORD =
      Pattern.compile("(?:[^\\s\"']|\"(?:\\\\.|[^\"])*\"|'(?:\\\\.|[^'])*')+", Pattern.UNICODE_CHARACTER_CLASS);

  /** A word of a line: its text and where it is. */
  public record Word(String text, int start, int end) {}

  /**
   * One {@code key=value} as typed: {@code path} is where it lands in the command's arguments, in
   * QEMU's notation ({@code backend.data.path}, {@code actions[1].data.device}), {@code line} the
   * number of the line it was on within a transaction (0 otherwise, and for the line being read).
   */
  public record Arg(String path, String key, String valueText, Object value, Word word, int line) {
    /** Whether the value is a bare word that qmp-shell read as a number or a boolean. */
    public boolean bareScalar() {
      return value instanceof Number || value instanceof Boolean;
    }
  }

  /** A command to send: its name, its arguments (mutable, in the order typed) and the args typed. */
  public record Parsed(String command, Map<String, Object> arguments, List<Arg> args, Word commandWord) {
    /** The message qmp-shell sends (and prints with {@code -v}). */
    public Map<String, Object> message() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("execute", command);
      m.put("arguments", arguments);
      return m;
    }
  }

  private boolean transaction;
  private List<Object> actions = new ArrayList<>();
  private final List<Arg> actionArgs = new ArrayList<>();
  private int actionLine;

  /** Whether a transaction is being entered (qmp-shell's prompt is then {@code TRANS> }). */
  public boolean inTransaction() {
    return transaction;
  }

  /** The prompt qmp-shell shows now. */
  public String prompt() {
    return transaction ? "TRANS> " : "(QEMU) ";
  }

  /** The words of a line, as qmp-shell splits them. */
  public static List<Word> words(String line) {
    List<Word> words = new ArrayList<>();
    Matcher m = WORD.matcher(line);
    while (m.find()) {
      words.add(new Word(m.group(), m.start(), m.end()));
    }
    return words;
  }

  /** The command a line completes, or null when there is none yet (an empty line, a transaction action). */
  public Parsed parse(String line) throws ShellSyntaxException {
    return build(words(line));
  }

  private Parsed build(List<Word> words) throws ShellSyntaxException {
    List<Word> cmdargs = new ArrayList<>(words);
    if (!cmdargs.isEmpty() && cmdargs.get(0).text().equals("transaction(")) {
      transaction = true;
      actions = new ArrayList<>();
      actionArgs.clear();
      actionLine = 0;
      cmdargs.remove(0);
    }
    if (!cmdargs.isEmpty() && cmdargs.get(0).text().equals(")") && transaction) {
      transaction = false;
      if (cmdargs.size() > 1) {
        throw new ShellSyntaxException("Unexpected input after close of Transaction sub-shell");
      }
      Map<String, Object> arguments = new LinkedHashMap<>();
      arguments.put("actions", actions);
      return new Parsed("transaction", arguments, List.copyOf(actionArgs), null);
    }
    if (cmdargs.isEmpty()) {
      return null;
    }
    if (transaction) {
      boolean finalize = false;
      Map<String, Object> action = new LinkedHashMap<>();
      action.put("type", cmdargs.get(0).text());
      Map<String, Object> data = new LinkedHashMap<>();
      action.put("data", data);
      if (cmdargs.get(cmdargs.size() - 1).text().equals(")")) {
        cmdargs.remove(cmdargs.size() - 1);
        finalize = true;
      }
      List<Arg> args = new ArrayList<>();
      expr(cmdargs.subList(1, cmdargs.size()), data, "actions[" + actions.size() + "].data.", args);
      actions.add(action);
      int line = ++actionLine;
      args.forEach(a -> actionArgs.add(new Arg(a.path(), a.key(), a.valueText(), a.value(), a.word(), line)));
      return finalize ? build(List.of(new Word(")", 0, 0))) : null;
    }
    Map<String, Object> arguments = new LinkedHashMap<>();
    List<Arg> args = new ArrayList<>();
    expr(cmdargs.subList(1, cmdargs.size()), arguments, "", args);
    return new Parsed(cmdargs.get(0).text(), arguments, args, cmdargs.get(0));
  }

  @SuppressWarnings("unchecked")
  private static void expr(List<Word> tokens, Map<String, Object> top, String prefix, List<Arg> into)
      throws ShellSyntaxException {
    for (Word word : tokens) {
      String arg = word.text();
      int eq = arg.indexOf('=');
      if (eq < 0) {
        throw new ShellSyntaxException("Expected a key=value pair, got '" + arg + "'");
      }
      String key = arg.substring(0, eq);
      String val = arg.substring(eq + 1);
      Object value = Values.parse(val);
      String[] optpath = key.split("\\.", -1);
      List<String> curpath = new ArrayList<>();
      Map<String, Object> parent = top;
      for (int i = 0; i < optpath.length - 1; i++) {
        String path = optpath[i];
        curpath.add(path);
        Object obj = parent.containsKey(path) ? parent.get(path) : new LinkedHashMap<String, Object>();
        if (!(obj instanceof Map)) {
          throw new ShellSyntaxException(
              "Cannot use \"" + String.join(".", curpath) + "\" as both leaf and non-leaf key");
        }
        parent.put(path, obj);
        parent = (Map<String, Object>) obj;
      }
      String last = optpath[optpath.length - 1];
      if (parent.containsKey(last)) {
        if (parent.get(last) instanceof Map) {
          throw new ShellSyntaxException("Cannot use \"" + key + "\" as both leaf and non-leaf key");
        }
        throw new ShellSyntaxException("Cannot set \"" + key + "\" multiple times");
      }
      parent.put(last, value);
      into.add(new Arg(prefix + key, key, val, value, word, 0));
    }
  }

  /** qmp-shell's complaint about a line it cannot read (on standard error). */
  public static String syntaxError(ShellSyntaxException e) {
    return "Error while parsing command line: " + e.getMessage() + "\n"
        + "command format: <command-name> [arg-name1=arg1] ... [arg-nameN=argN";
  }
}
