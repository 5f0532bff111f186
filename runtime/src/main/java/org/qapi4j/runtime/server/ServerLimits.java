package org.qapi4j.runtime.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds a server keeps each client within (see {@code docs/security.md}).
 *
 * @param outputLimit the most output (bytes) held for one client: events that would take it past
 *     this are dropped for that client, and counted ({@link Session#OUTPUT_LIMIT} by default)
 * @param readPause when this much output (bytes) waits for a client, its input is not read until
 *     it has drained to half of it: back-pressure, as QEMU's monitor suspends its input
 *     ({@link Session#READ_PAUSE} by default)
 * @param stallTimeout a socket client with output waiting that reads none of it for this long is
 *     disconnected ({@link Session#STALL_TIMEOUT} by default); {@link Duration#ZERO}: never
 * @param maxSessions the most sessions open at once; a client connecting beyond it is closed at
 *     once, and counted
 */
public record ServerLimits(long outputLimit, long readPause, Duration stallTimeout, int maxSessions) {
  /** 10,000 sessions by default: what the benchmark opens; each idle session costs a few KiB. */
  public static final int MAX_SESSIONS = 10_000;

  public static final ServerLimits DEFAULT =
      new ServerLimits(Session.OUTPUT_LIMIT, Session.READ_PAUSE, Session.STALL_TIMEOUT, MAX_SESSIONS);

  public ServerLimits {
    Objects.requireNonNull(stallTimeout, "stallTimeout");
    if (outputLimit <= 0 || readPause <= 0 || readPause > outputLimit) {
      throw new IllegalArgumentException("need 0 < readPause <= outputLimit: " + readPause + ", " + outputLimit);
    }
    if (stallTimeout.isNegative()) {
      throw new IllegalArgumentException("negative stall timeout " + stallTimeout);
    }
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions must be at least 1: " + maxSessions);
    }
  }

  public ServerLimits withStallTimeout(Duration timeout) {
    return new ServerLimits(outputLimit, readPause, timeout, maxSessions);
  }

  public ServerLimits withMaxSessions(int max) {
    return new ServerLimits(outputLimit, readPause, stallTimeout, max);
  }

  public ServerLimits withOutput(long limit, long pause) {
    return new ServerLimits(limit, pause, stallTimeout, maxSessions);
  }
}
