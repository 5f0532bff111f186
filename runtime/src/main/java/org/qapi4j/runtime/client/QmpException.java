package org.qapi4j.runtime.client;

import java.util.Objects;
import java.util.Optional;
import org.qapi4j.runtime.ErrorClass;

/**
 * An error reply: {@code {"error": {"class": CLASS, "desc": TEXT}, "id": ...}}. The message is the
 * {@code desc}; {@link #errorClass()} is the class exactly as the server sent it, so that a class a
 * newer QEMU adds is not lost.
 */
public class QmpException extends QmpClientException {
  private static final long serialVersionUID = 1L;

  private final String command;
  private final String errorClass;
  private final transient byte[] reply;

  public QmpException(String command, String errorClass, String desc, byte[] reply) {
    super(Objects.requireNonNull(desc, "desc"));
    this.command = command;
    this.errorClass = Objects.requireNonNull(errorClass, "errorClass");
    this.reply = reply;
  }

  /** The class as sent, e.g. {@code DeviceNotFound}. */
  public String errorClass() {
    return errorClass;
  }

  /** The class as one of QEMU 7.2's {@link ErrorClass} constants, if it is one. */
  public Optional<ErrorClass> knownErrorClass() {
    for (ErrorClass c : ErrorClass.values()) {
      if (c.name().equals(errorClass)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The human-readable text, {@code desc} on the wire (also {@link #getMessage()}). */
  public String desc() {
    return getMessage();
  }

  /** The command that failed, or null if unknown. */
  public String command() {
    return command;
  }

  /** The reply as received (without the trailing CR LF), UTF-8; null if not kept. */
  public String replyText() {
    return reply == null ? null : new String(reply, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return getClass().getName() + ": " + errorClass + ": " + getMessage();
  }
}
