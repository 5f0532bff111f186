package org.qapi4j.runtime.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How one call is made: its deadline (by default the client's timeout), whether it goes
 * out-of-band, and whether a reply is awaited. Immutable; {@code with...} return copies.
 *
 * <ul>
 *   <li>{@link #timeout(Duration)}: the reply must come within it, else
 *       {@link QmpTimeoutException}.
 *   <li>{@link #oob(boolean)}: send as {@code exec-oob} when the connection negotiated
 *       {@code oob}; in-band ({@code execute}) otherwise. Only for commands that are
 *       {@code allow-oob}.
 *   <li>{@link #successResponse(boolean)} {@code false}: for commands declared
 *       {@code success-response: false}: the call completes when the request's bytes are written; no
 *       reply is awaited (an error reply, should one come, is logged as unmatched).
 * </ul>
 */
public final class CallOptions {
  /** The client's deadline, in-band, reply awaited. */
  public static final CallOptions DEFAULT = new CallOptions(null, false, true);

  private final Duration timeout;
  private final boolean oob;
  private final boolean successResponse;

  private CallOptions(Duration timeout, boolean oob, boolean successResponse) {
    this.timeout = timeout;
    this.oob = oob;
    this.successResponse = successResponse;
  }

  /** {@link #DEFAULT} with this deadline. */
  public static CallOptions withTimeout(Duration timeout) {
    return DEFAULT.timeout(timeout);
  }

  public CallOptions timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("negative timeout " + timeout);
    }
    return new CallOptions(timeout, oob, successResponse);
  }

  public CallOptions oob(boolean oob) {
    return new CallOptions(timeout, oob, successResponse);
  }

  public CallOptions successResponse(boolean successResponse) {
    return new CallOptions(timeout, oob, successResponse);
  }

  /** The deadline, or null for the client's. */
  public Duration timeout() {
    return timeout;
  }

  public boolean oob() {
    return oob;
  }

  public boolean successResponse() {
    return successResponse;
  }

  @Override
  public String toString() {
    return "CallOptions[timeout=" + timeout + ", oob=" + oob + ", successResponse=" + successResponse + "]";
  }
}
