package org.qapi4j.qapijson;

/**
 * An error in a QAPI JSON schema, printed as QEMU's generator prints it: {@code FILE:LINE: message}
 * for a definition-level error (with its {@code In ...} context lines), {@code FILE:LINE:COL:
 * message} for a syntax error.
 */
public final class QapiError extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient SourceInfo info;
  private final int column;
  private final String text;

  /** A syntax error at a column (1-based). */
  public QapiError(SourceInfo info, int column, String text) {
    super(text);
    this.info = info;
    this.column = column;
    this.text = text;
  }

  /** A semantic error, located at a line. */
  public QapiError(SourceInfo info, String text) {
    this(info, 0, text);
  }

  public SourceInfo info() {
    return info;
  }

  /** The message alone, without location. */
  public String text() {
    return text;
  }

  /** The error as QEMU prints it, context lines included, without a final newline. */
  public String format() {
    if (info == null) {
      return text;
    }
    return info + (column > 0 ? ":" + column : "") + ": " + text;
  }

  @Override
  public String toString() {
    return format();
  }
}
