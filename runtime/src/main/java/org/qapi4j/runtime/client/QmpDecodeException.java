package org.qapi4j.runtime.client;

import java.nio.charset.StandardCharsets;

/**
 * A message arrived but could not be read as expected: a typed reader failed on a {@code return}
 * or an event's {@code data} (wrong type, missing member, unknown enum value...), or the reply was
 * not well-formed. Keeps what is needed to see why: the JSON path where reading stopped (a JSON
 * Pointer into the message, e.g. {@code /return/0/name}) and the raw message.
 */
public class QmpDecodeException extends QmpClientException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final transient byte[] message;

  public QmpDecodeException(String text, String path, byte[] message, Throwable cause) {
    super(text + (path == null || path.isEmpty() ? "" : " at " + path), cause);
    this.path = path;
    this.message = message;
  }

  /** Where reading stopped, as a JSON Pointer into the message ({@code ""} for the whole). */
  public String path() {
    return path;
  }

  /** The message as received, UTF-8 (without the trailing CR LF). */
  public String rawText() {
    return message == null ? null : new String(message, StandardCharsets.UTF_8);
  }
}
