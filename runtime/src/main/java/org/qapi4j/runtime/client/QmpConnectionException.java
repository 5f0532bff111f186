package org.qapi4j.runtime.client;

/**
 * The connection is unusable: it could not be opened, the peer closed or reset it, the client
 * closed it, or the peer broke the protocol (no greeting, failed negotiation). Every call pending
 * at that moment fails with it, and every call made afterwards fails with it at once.
 */
public class QmpConnectionException extends QmpClientException {
  private static final long serialVersionUID = 1L;

  public QmpConnectionException(String message) {
    super(message);
  }

  public QmpConnectionException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A copy for one more caller (each failed call gets its own instance). */
  QmpConnectionException copy() {
    QmpConnectionException e = new QmpConnectionException(getMessage(), getCause());
    e.setStackTrace(getStackTrace());
    return e;
  }
}
