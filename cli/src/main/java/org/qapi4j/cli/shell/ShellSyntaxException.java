package org.qapi4j.cli.shell;

/** A command line the shell cannot turn into a QMP command; the message is qmp-shell's. */
public final class ShellSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  public ShellSyntaxException(String message) {
    super(message);
  }
}
