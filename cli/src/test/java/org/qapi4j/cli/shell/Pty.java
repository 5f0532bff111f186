package org.qapi4j.cli.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.qapi4j.testsupport.Peers;

/**
 * A program run on a real pseudo-terminal, through util-linux's {@code script}: what is typed goes
 * to the terminal's input, what the program shows comes back, escape sequences and all. The
 * terminal is 120 columns by 40 rows.
 */
final class Pty implements AutoCloseable {
  private final Process process;
  private final OutputStream keys;
  private final StringBuilder screen = new StringBuilder();
  private int mark;

  private Pty(Process process) {
    this.process = process;
    this.keys = process.getOutputStream();
    Thread t = new Thread(() -> pump(process.getInputStream()), "pty-output");
    t.setDaemon(true);
    t.start();
  }

  /** Runs {@code command} on a new pseudo-terminal; skips without {@code script}. */
  static Pty start(List<String> command) throws IOException {
    Peers.require(Peers.program("script").isPresent(), "util-linux's script is not installed");
    String line = "stty cols 120 rows 40; exec " + command.stream().map(Pty::quote).collect(Collectors.joining(" "));
    return new Pty(new ProcessBuilder("script", "-qfec", line, "/dev/null").redirectErrorStream(true).start());
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private void pump(InputStream in) {
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        synchronized (screen) {
          screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
          screen.notifyAll();
        }
      }
    } catch (IOException e) {
      // the terminal closed
    } finally {
      synchronized (screen) {
        screen.append('\0');
        screen.notifyAll();
      }
    }
  }

  /** Types {@code text} (control characters as they are: "\r" is Enter, "\t" Tab). */
  Pty type(String text) throws IOException {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
    return this;
  }

  /**
   * Waits until the output since the last wait shows {@code text} (escape sequences and carriage
   * returns left out); returns that output, up to the text, and moves past it.
   */
  String await(String text) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    synchronized (screen) {
      while (true) {
        String seen = plain(screen.substring(mark));
        int at = seen.indexOf(text);
        if (at >= 0) {
          // Move the mark past the text in the raw output: the first raw prefix whose plain form holds it.
          for (int end = mark; end <= screen.length(); end++) {
            if (plain(screen.substring(mark, end)).contains(text)) {
              mark = end;
              break;
            }
          }
          return seen.substring(0, at + text.length());
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || screen.indexOf("\0", mark) >= 0) {
          throw new AssertionError("the terminal did not show " + text + "; it showed:\n" + seen);
        }
        TimeUnit.NANOSECONDS.timedWait(screen, left);
      }
    }
  }

  /** Output without escape sequences and carriage returns. */
  static String plain(String raw) {
    return raw.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replaceAll("\u001b[=>]", "").replace("\r", "");
  }

  /** The program's exit status, once it ended by itself within {@code timeout}. */
  int exitStatus(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the program did not end within " + timeout + "; it showed:\n" + plain(screen()));
    }
    return process.exitValue();
  }

  String screen() {
    synchronized (screen) {
      return screen.toString();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
