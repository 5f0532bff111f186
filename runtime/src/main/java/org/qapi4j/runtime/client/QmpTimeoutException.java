package org.qapi4j.runtime.client;

import java.time.Duration;

/**
 * A deadline passed: a call got no reply in time, the handshake did not complete within the
 * connect timeout, or no awaited event came. For calls the connection stays usable: the call is
 * forgotten, and its reply, should it come later, is dropped (logged), never handed to another
 * caller.
 */
public class QmpTimeoutException extends QmpClientException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  public QmpTimeoutException(String message, Duration timeout) {
    super(message);
    this.timeout = timeout;
  }

  /** The deadline that passed, as a duration from the start of the wait. */
  public Duration timeout() {
    return timeout;
  }
}
