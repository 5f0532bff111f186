package org.qapi4j.runtime.json;

/**
 * A token of a QMP message: its kind and where its bytes are in the message.
 *
 * @param start offset of the first byte in the message
 * @param end offset after the last byte
 */
public record Token(Kind kind, int start, int end) {
  /** QEMU's JSON token kinds. */
  public enum Kind {
    LCURLY,
    RCURLY,
    LSQUARE,
    RSQUARE,
    COLON,
    COMMA,
    STRING,
    INTEGER,
    FLOAT,
    KEYWORD
  }
}
