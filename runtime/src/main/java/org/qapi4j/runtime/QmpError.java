package org.qapi4j.runtime;

import java.util.Objects;

/**
 * An error a command handler reports to its client: {@code {"error": {"class": CLASS, "desc": TEXT}}}.
 *
 * <p>Handlers throw it; any other exception escaping a handler is logged and answered as a
 * {@link ErrorClass#GenericError} with the exception's message.
 */
public class QmpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorClass errorClass;

  public QmpError(ErrorClass errorClass, String desc) {
    super(Objects.requireNonNull(desc, "desc"), null, false, false);
    this.errorClass = Objects.requireNonNull(errorClass, "errorClass");
  }

  /** A {@link ErrorClass#GenericError} with this text. */
  public QmpError(String desc) {
    this(ErrorClass.GenericError, desc);
  }

  public ErrorClass errorClass() {
    return errorClass;
  }

  /** The human-readable text, {@code desc} on the wire. */
  public String desc() {
    return getMessage();
  }
}
