package org.qapi4j.cli.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.qapi4j.runtime.client.CallOptions;
import org.qapi4j.runtime.client.EventListener;
import org.qapi4j.runtime.client.Greeting;
import org.qapi4j.runtime.client.Json;
import org.qapi4j.runtime.client.QmpClient;
import org.qapi4j.runtime.client.QmpClientException;
import org.qapi4j.runtime.client.QmpConnectionException;
import org.qapi4j.runtime.client.QmpException;
import org.qapi4j.runtime.client.ReceivedEvent;
import org.qapi4j.runtime.json.JsonValue;

/**
 * {@code qapi4j shell [-H] [-N] [-v] [-p] [-l FILE] [--history FILE] [--no-check] SOCKET|HOST:PORT}: a
 * QMP shell with qmp-shell's habits ({@link CommandParser}), which completes ({@link Completion}) and
 * checks ({@link Checker}) commands against the server's own schema, and prints events as they
 * arrive. With {@code -H}, qmp-shell's HMP shell: each line goes to {@code human-monitor-command}
 * ({@link Hmp}).
 *
 * <p>On a terminal (standard input and output both), it edits lines with JLine: prompt, history,
 * completion on Tab, events printed above the line being typed. Otherwise it reads commands from
 * standard input, one a line, and prints only what the server answers (and events) on standard
 * output, errors on standard error: exit status 0 when every command succeeded, 1 when one did not
 * (refused by the shell, or an error reply) or the server hung up, 2 for a usage error or a server
 * that cannot be reached.
 */
public final class Shell {
  static final String USAGE = String.join("\n",
      "usage: qapi4j shell [-H] [-N] [-v] [-p] [-l FILE] [--history FILE] [--no-check] SOCKET|HOST:PORT",
      "",
      "  SOCKET|HOST:PORT  the server's QMP socket: a unix socket's path or HOST:PORT",
      "                    (default: $QMP_SOCKET)",
      "  -H                HMP: each line is a human monitor command (human-monitor-command)",
      "  -N                a guest agent (qemu-ga): no greeting, no negotiation",
      "  -v                print each command as sent",
      "  -p                pretty-print JSON (indented, members sorted)",
      "  -l FILE           log each command with its reply to FILE, a line each",
      "  --history FILE    the history file (default ~/.qapi4j-shell_history)",
      "  --no-check        send commands the server's schema says are wrong",
      "",
      "commands: NAME [KEY=VALUE ...] (KEY may be dotted, VALUE a number, true/false,",
      "JSON or text); transaction( then one action a line, then ); see docs/shell.md",
      "");

  /** What a call may take: long, as the user waits for it (a quit with Ctrl-C is always there). */
  static final CallOptions CALL = CallOptions.withTimeout(Duration.ofDays(1));

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  record Config(boolean guestAgent, boolean verbose, boolean pretty, Path history, boolean check, String server,
      boolean hmp, Path log) {}

  private final Config config;
  private final QmpClient qmp;
  private final ServerSchema schema;
  private final CommandParser parser = new CommandParser();
  private final Out out;
  private final boolean interactive;
  private final Hmp hmp;
  /** {@code -l}: each command with its reply, a line each; null without. */
  private final PrintWriter log;
  private boolean failed;

  /** Where the shell prints: replies, events and complaints. */
  private interface Out {
    void reply(String text);

    void event(String text);

    void error(String text);

    /** Text as it is, no line end added (HMP's output, which brings its own). */
    default void text(String text) {
      reply(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    }

    /** The server hung up: the last thing printed. */
    default void hangup(String text) {
      error(text);
    }
  }

  private Shell(Config config, QmpClient qmp, ServerSchema schema, Out out, boolean interactive, PrintWriter log) {
    this.config = config;
    this.qmp = qmp;
    this.schema = schema;
    this.out = out;
    this.interactive = interactive;
    this.hmp = config.hmp() ? new Hmp(qmp) : null;
    this.log = log;
  }

  /** {@code qapi4j shell ARGS} on this process's standard streams; its exit status. */
  public static int run(List<String> args, PrintStream stdout, PrintStream stderr) {
    return run(args, System.getenv("QMP_SOCKET"), System.in, stdout, stderr, System.console() != null);
  }

  /** {@code qapi4j shell ARGS}; {@code terminal}: edit lines on the process's terminal (JLine). */
  public static int run(List<String> args, String qmpSocket, InputStream in, PrintStream stdout, PrintStream stderr,
      boolean terminal) {
    Config config;
    try {
      config = config(args, qmpSocket);
    } catch (IllegalArgumentException e) {
      stderr.println("qapi4j shell: " + e.getMessage());
      stderr.print(USAGE);
      return 2;
    }
    if (config == null) {
      stdout.print(USAGE);
      return 0;
    }
    SocketAddress address;
    try {
      address = address(config.server());
    } catch (IllegalArgumentException e) {
      stderr.println("qapi4j shell: " + e.getMessage());
      return 2;
    }
    PrintWriter log = null;
    if (config.log() != null) {
      try {
        // Emptied first, as qmp-shell opens it ("w"); a line is flushed as it is written.
        log = new PrintWriter(java.nio.file.Files.newBufferedWriter(config.log(), StandardCharsets.UTF_8), true);
      } catch (IOException e) {
        stderr.println("qapi4j shell: cannot write the log " + config.log() + ": " + e.getMessage());
        return 2;
      }
    }
    try (PrintWriter closeLog = log) {
      return run(config, address, log, in, stdout, stderr, terminal);
    }
  }

  private static int run(Config config, SocketAddress address, PrintWriter log, InputStream in, PrintStream stdout,
      PrintStream stderr, boolean terminal) {
    QmpClient qmp;
    try {
      qmp = QmpClient.Options.builder().timeout(CONNECT_TIMEOUT).oob(false).guestAgent(config.guestAgent())
          .connect(address);
    } catch (QmpClientException e) {
      stderr.println("qapi4j shell: couldn't connect to " + config.server() + ": " + e.getMessage());
      return 2;
    }
    try (qmp) {
      // HMP lines are neither checked nor completed from the QMP schema: it is not fetched.
      ServerSchema schema = config.hmp() ? null : schema(qmp, config.guestAgent());
      if (terminal) {
        return interactive(config, qmp, schema, log);
      }
      Object lock = new Object();
      Out out = new Out() {
        @Override
        public void reply(String text) {
          synchronized (lock) {
            stdout.println(text);
            stdout.flush();
          }
        }

        @Override
        public void event(String text) {
          reply(text);
        }

        @Override
        public void error(String text) {
          synchronized (lock) {
            stdout.flush();
            stderr.println(text);
            stderr.flush();
          }
        }
      };
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new Shell(config, qmp, schema, out, false, log).loop(prompt -> lines.readLine(), null);
    }
  }

  /** The options; null for {@code -h}. */
  static Config config(List<String> args, String qmpSocket) {
    boolean guestAgent = false;
    boolean verbose = false;
    boolean pretty = false;
    boolean check = true;
    boolean hmp = false;
    Path log = null;
    Path history = Path.of(System.getProperty("user.home"), ".qapi4j-shell_history");
    String server = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-h", "--help" -> {
          return null;
        }
        case "-N", "--skip-negotiation" -> guestAgent = true;
        case "-H", "--hmp" -> hmp = true;
        case "-l", "--logfile" -> {
          if (++i >= args.size()) {
            throw new IllegalArgumentException(a + " needs a file");
          }
          log = Path.of(args.get(i));
        }
        case "-v", "--verbose" -> verbose = true;
        case "-p", "--pretty" -> pretty = true;
        case "--no-check" -> check = false;
        case "--history" -> {
          if (++i >= args.size()) {
            throw new IllegalArgumentException("--history needs a file");
          }
          history = Path.of(args.get(i));
        }
        default -> {
          if (a.startsWith("-") && a.length() > 1) {
            throw new IllegalArgumentException("unknown option '" + a + "'");
          }
          if (server != null) {
            throw new IllegalArgumentException("shell takes one server address");
          }
          server = a;
        }
      }
    }
    if (server == null) {
      server = qmpSocket;
    }
    if (server == null || server.isEmpty()) {
      throw new IllegalArgumentException("QMP socket or TCP address must be specified");
    }
    return new Config(guestAgent, verbose, pretty, history, check, server, hmp, log);
  }

  /** qmp-shell's reading of an address: {@code HOST:PORT} when there is exactly one colon, else a unix socket's path. */
  static SocketAddress address(String server) {
    String[] parts = server.split(":", -1);
    if (parts.length == 2) {
      int port;
      try {
        port = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Bad port number: " + server);
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("Bad port number: " + server);
      }
      return new InetSocketAddress(parts[0], port);
    }
    return UnixDomainSocketAddress.of(server);
  }

  /** The server's schema: its query-qmp-schema, a guest agent's guest-info, or null. */
  private static ServerSchema schema(QmpClient qmp, boolean guestAgent) {
    try {
      return guestAgent
          ? ServerSchema.ofGuestInfo(qmp.execute("guest-info"))
          : ServerSchema.of(qmp.execute("query-qmp-schema"));
    } catch (QmpClientException | IllegalArgumentException | ClassCastException e) {
      return null;
    }
  }

  private static int interactive(Config config, QmpClient qmp, ServerSchema schema, PrintWriter log) {
    Terminal terminal;
    try {
      terminal = TerminalBuilder.builder().system(true).build();
      if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) {
        terminal.setSize(new org.jline.terminal.Size(80, 24)); // a pseudo-terminal nobody sized
      }
    } catch (IOException e) {
      System.err.println("qapi4j shell: no terminal: " + e.getMessage());
      return 2;
    }
    CommandParser[] parser = new CommandParser[1];
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("qapi4j-shell")
        .parser(config.hmp() ? new org.jline.reader.impl.DefaultParser() : Completion.parser())
        .completer(config.hmp() ? Hmp.completer(qmp) : new Completion(schema).completer(() -> parser[0].inTransaction()))
        .variable(LineReader.HISTORY_FILE, config.history())
        .variable(LineReader.HISTORY_SIZE, 1024)
        .variable(LineReader.HISTORY_FILE_SIZE, 1024)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.AUTO_FRESH_LINE, true)
        .build();
    PrintWriter w = terminal.writer();
    Out out = new Out() {
      @Override
      public void reply(String text) {
        synchronized (reader) {
          w.println(text);
          w.flush();
        }
      }

      @Override
      public void event(String text) {
        reader.printAbove(text);
      }

      @Override
      public void error(String text) {
        reply(text);
      }

      @Override
      public void hangup(String text) {
        synchronized (reader) {
          // Over the prompt of the line that will not be read; keypad and bracketed paste off, as
          // the line editor would have left them.
          w.print("\r\u001b[K\u001b[?1l\u001b>\u001b[?2004l");
          w.println(text);
          w.flush();
        }
      }
    };
    Shell shell = new Shell(config, qmp, schema, out, true, log);
    parser[0] = shell.parser;
    w.println(config.hmp() ? "Welcome to the HMP shell!" : "Welcome to the QMP low-level shell!");
    Greeting g = qmp.greeting();
    if (g == null) {
      w.println("Connected");
    } else {
      w.println("Connected to QEMU " + g.major() + "." + g.minor() + "." + g.micro());
      w.println();
    }
    w.flush();
    try {
      return shell.loop(prompt -> {
        try {
          return reader.readLine(prompt);
        } catch (UserInterruptException e) {
          return "";
        } catch (EndOfFileException e) {
          return null;
        }
      }, () -> {
        try {
          reader.getHistory().save();
        } catch (IOException | RuntimeException e) {
          // the history is a convenience: the session's end is not spoilt for it
        }
      });
    } finally {
      try {
        terminal.close();
      } catch (IOException e) {
        // closing restores the terminal; nothing else to do
      }
    }
  }

  /** Reads a line; null at the end. */
  @FunctionalInterface
  private interface LineSource {
    String read(String prompt) throws IOException;
  }

  private static final Object END = new Object();

  /** The server hung up (its reason). */
  private record Hangup(QmpConnectionException cause) {}

  /**
   * Reads lines on a thread of their own, one at a time, and runs them here; a hang-up of the
   * server ends the loop at once, without waiting for the line being typed.
   */
  private int loop(LineSource source, Runnable atEnd) {
    BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    Semaphore next = new Semaphore(0);
    boolean[] leaving = new boolean[1];
    qmp.subscribe(null, new EventListener() {
      @Override
      public void event(ReceivedEvent e) {
        JsonValue message = Json.parse(e.messageText());
        out.event(JsonText.of(message, config.pretty()));
      }

      @Override
      public void end(QmpConnectionException cause) {
        inbox.add(new Hangup(cause));
      }
    }, Runnable::run, 1 << 16);
    Thread readerThread = new Thread(() -> {
      try {
        while (true) {
          next.acquire();
          String line;
          try {
            line = source.read(parser.prompt());
          } catch (IOException | RuntimeException e) {
            line = null;
          }
          inbox.add(line == null ? END : line);
          if (line == null) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "qapi4j-shell-input");
    readerThread.setDaemon(true);
    readerThread.start();
    try {
      while (true) {
        next.release();
        Object item;
        try {
          item = inbox.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return 1;
        }
        if (item instanceof Hangup h) {
          if (!leaving[0]) {
            disconnected(h.cause());
            return 1;
          }
          continue;
        }
        if (item == END) {
          leaving[0] = true;
          if (interactive) {
            out.reply("");
          }
          return failed && !interactive ? 1 : 0;
        }
        if (!execute((String) item)) {
          return 1;
        }
      }
    } finally {
      if (atEnd != null) {
        atEnd.run();
      }
    }
  }

  private void disconnected(QmpConnectionException cause) {
    out.hangup("Disconnected: " + (cause == null ? "the connection ended" : cause.getMessage()));
  }

  /** Runs one line; false when the server is gone. */
  private boolean execute(String line) {
    if (hmp != null) {
      return executeHmp(line);
    }
    CommandParser.Parsed command;
    try {
      command = parser.parse(line);
    } catch (ShellSyntaxException e) {
      out.error(CommandParser.syntaxError(e));
      failed = true;
      return true;
    }
    if (command == null) {
      return true;
    }
    if (config.check()) {
      Optional<Checker.Problem> problem = Checker.check(schema, command);
      if (problem.isPresent()) {
        out.error(report(line, command, problem.get()));
        failed = true;
        return true;
      }
    }
    if (config.verbose()) {
      out.reply(JsonText.of(command.message(), config.pretty()));
    }
    try {
      if (schema != null && schema.noReply(command.command())) {
        qmp.execute(command.command(), command.arguments(), CALL.successResponse(false));
        return true;
      }
      JsonValue result = qmp.execute(command.command(), command.arguments(), CALL);
      Map<String, Object> reply = new LinkedHashMap<>();
      reply.put("return", result);
      out.reply(JsonText.of(reply, config.pretty()));
      log(command.message(), reply);
    } catch (QmpException e) {
      failed = true;
      Map<String, Object> reply = errorReply(e);
      out.reply(JsonText.of(reply, config.pretty()));
      log(command.message(), reply);
    } catch (QmpClientException e) {
      return clientFailed(e);
    }
    return true;
  }

  /** A call failed in the client, not at the server: false when the server is gone. */
  private boolean clientFailed(QmpClientException e) {
    if (e instanceof QmpConnectionException gone) {
      disconnected(qmp.closedBy() != null ? qmp.closedBy() : gone);
      return false;
    }
    failed = true;
    out.error("qapi4j shell: " + e.getMessage());
    return true;
  }

  /** An error reply as received, less the id the client added. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> errorReply(QmpException e) {
    if (e.replyText() != null) {
      Object reply = JsonText.plain(Json.parse(e.replyText()));
      if (reply instanceof Map<?, ?> m) {
        m.remove("id");
        return (Map<String, Object>) m;
      }
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("class", e.errorClass());
    error.put("desc", e.desc());
    return Map.of("error", error);
  }

  /**
   * {@code -l}: the command and its reply as one object, a line (qmp-shell's
   * {@code {**qmpcmd, **resp}}: {@code execute}, {@code arguments}, then {@code return} or
   * {@code error}), in the form {@code -p} chooses.
   */
  private void log(Map<String, Object> sent, Map<String, Object> reply) {
    if (log == null) {
      return;
    }
    Map<String, Object> both = new LinkedHashMap<>(sent);
    both.putAll(reply);
    log.println(JsonText.of(both, config.pretty()));
  }

  /** {@code -H}: one line of HMP, as qmp-shell's HMP shell runs it; false when the server is gone. */
  private boolean executeHmp(String line) {
    if (line.isBlank()) {
      return true;
    }
    Hmp.Result r;
    try {
      r = hmp.execute(line);
    } catch (QmpClientException e) {
      return clientFailed(e);
    }
    if (r.sent() != null) {
      log(r.sent(), r.reply());
    }
    if (r.failed()) {
      failed = true;
    }
    if (!r.text().isEmpty()) {
      out.text(r.text());
    }
    return true;
  }

  /**
   * A command the schema refuses: the line (when it is not on the screen already), a caret under
   * the argument at fault, and QEMU's text.
   */
  private String report(String line, CommandParser.Parsed command, Checker.Problem problem) {
    StringBuilder b = new StringBuilder();
    CommandParser.Word at = problem.arg() != null
        ? (problem.arg().line() == 0 ? problem.arg().word() : null)
        : command.commandWord();
    if (at != null) {
      int indent = at.start();
      if (interactive) {
        indent += parser.prompt().length();
      } else {
        b.append(line).append('\n');
      }
      b.append(" ".repeat(indent)).append("^".repeat(Math.max(1, at.end() - at.start()))).append('\n');
    }
    b.append("Error: ").append(problem.message()).append(" (checked against the server's schema; not sent)");
    return b.toString();
  }
}
