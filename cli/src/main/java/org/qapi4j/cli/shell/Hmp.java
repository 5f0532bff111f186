package org.qapi4j.cli.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.qapi4j.runtime.client.QmpClient;
import org.qapi4j.runtime.client.QmpClientException;
import org.qapi4j.runtime.client.QmpException;
import org.qapi4j.runtime.json.JsonValue;

/**
 * {@code qapi4j shell -H}: qmp-shell's HMP shell. Each line is a human monitor command, sent with
 * {@code human-monitor-command}, with the CPU index that {@code cpu N} chose; its text is printed
 * as the monitor wrote it, an error as {@code CLASS: DESC}. As in qmp-shell, {@code cpu N} is
 * checked first ({@code info version} on that CPU) and then sent on.
 *
 * <p>Until {@code cpu N}, no {@code cpu-index} is sent, and QEMU uses the monitor's CPU. qmp-shell
 * sends 0, which QEMU refuses on a machine without CPUs ({@code -M none}): there, every command
 * fails, and qmp-shell itself stops with a Python error as it starts.
 */
final class Hmp {
  /**
   * One line's outcome: what was sent and the reply (for {@code -l}; null when nothing was sent),
   * the text to print (empty: nothing), and whether it failed.
   */
  record Result(Map<String, Object> sent, Map<String, Object> reply, String text, boolean failed) {}

  private final QmpClient qmp;
  private Integer cpuIndex; // null until cpu N

  Hmp(QmpClient qmp) {
    this.qmp = qmp;
  }

  /** Runs one line (not blank). */
  Result execute(String line) {
    String[] words = line.trim().split("\\s+");
    if (words[0].equals("cpu")) {
      int index;
      try {
        index = Integer.parseInt(words.length > 1 ? words[1] : "");
      } catch (NumberFormatException e) {
        return new Result(null, null, "cpu command takes an integer argument", true);
      }
      if (passthrough("info version", index).failed()) {
        return new Result(null, null, "bad CPU index", true);
      }
      cpuIndex = index;
    }
    return passthrough(line, cpuIndex);
  }

  private Result passthrough(String line, Integer cpu) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("command-line", line);
    if (cpu != null) {
      arguments.put("cpu-index", cpu);
    }
    Map<String, Object> sent = new LinkedHashMap<>();
    sent.put("execute", "human-monitor-command");
    sent.put("arguments", arguments);
    try {
      JsonValue result = qmp.execute("human-monitor-command", arguments, Shell.CALL);
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("return", JsonText.plain(result));
      return new Result(sent, reply, result instanceof JsonValue.JsonString s ? s.value() : "", false);
    } catch (QmpException e) {
      Map<String, Object> error = Shell.errorReply(e);
      return new Result(sent, error, e.errorClass() + ": " + e.desc(), true);
    }
  }

  /**
   * Completion of HMP commands, from the monitor's own {@code help} and {@code info}, as qmp-shell
   * gathers it: a command's name (the long one of {@code name|n}), a command after {@code help},
   * an {@code info} topic after {@code info}.
   */
  static Completer completer(QmpClient qmp) {
    TreeSet<String> commands = new TreeSet<>();
    TreeSet<String> topics = new TreeSet<>();
    for (String line : help(qmp, "help")) {
      if (line.isEmpty() || line.charAt(0) == '[' || line.charAt(0) == '\t') {
        continue;
      }
      String name = line.split("\\s+")[0];
      if (name.contains("|")) {
        String[] names = name.split("\\|");
        name = names[0].length() == 1 && names.length > 1 ? names[1] : names[0];
      }
      commands.add(name);
    }
    for (String line : help(qmp, "info")) {
      String[] words = line.trim().split("\\s+");
      if (words.length > 1) {
        topics.add(words[1]);
      }
    }
    return (reader, parsed, candidates) -> {
      int word = parsed.wordIndex();
      TreeSet<String> from = word == 0
          ? commands
          : word == 1 && parsed.words().get(0).equals("info") ? topics
          : word == 1 && parsed.words().get(0).equals("help") ? commands
          : new TreeSet<>();
      for (String c : from) {
        candidates.add(new Candidate(c));
      }
    };
  }

  /** The lines of an HMP command's output; none when it fails. */
  private static List<String> help(QmpClient qmp, String command) {
    try {
      JsonValue text = qmp.execute("human-monitor-command", Map.of("command-line", command));
      return text instanceof JsonValue.JsonString s ? List.of(s.value().split("\r?\n")) : List.of();
    } catch (QmpClientException e) {
      return List.of();
    }
  }
}
