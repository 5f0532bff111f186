package org.qapi4j.runtime.internal;

import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A {@link System.Logger} found on its first use rather than when its class is initialised.
 *
 * <p>{@link System#getLogger} looks up the logging back end (a service-loader scan of the class
 * path, then {@code java.util.logging}'s configuration): tens of milliseconds a server would spend
 * before its greeting, for a log it writes only when something goes wrong. Classes of the runtime
 * keep {@code LazyLogger.of(X.class)} in their static field instead.
 *
 * <p>Found on first use, a logger would be found when something first goes wrong, which may be
 * when nothing else can be done: out of file descriptors, {@code java.util.logging} cannot read its
 * configuration, and the message that says so would be lost. A server therefore calls
 * {@link #resolveAll} as it starts ({@code QmpServer} does, on a thread of its own, while it greets its first client), and a
 * logger that cannot be found is looked for again on its next use.
 */
public final class LazyLogger implements System.Logger {
  /** Every lazy logger made, for {@link #resolveAll}: one per class that logs, a few dozen at most. */
  private static final ConcurrentLinkedQueue<LazyLogger> ALL = new ConcurrentLinkedQueue<>();

  private final String name;
  private volatile System.Logger logger;

  private LazyLogger(String name) {
    this.name = name;
    ALL.add(this);
  }

  /** The logger named after {@code owner}, as {@code System.getLogger(owner.getName())}, on first use. */
  public static System.Logger of(Class<?> owner) {
    return new LazyLogger(owner.getName());
  }

  /** The logger of that name, as {@code System.getLogger(name)}, on first use. */
  public static System.Logger named(String name) {
    return new LazyLogger(name);
  }

  /**
   * Finds every logger made so far, and the logging back end with them, now rather than on first
   * use; never throws (a logger not found is looked for again when used).
   */
  public static void resolveAll() {
    for (LazyLogger l : ALL) {
      try {
        l.logger().isLoggable(Level.ERROR); // the JDK's loggers find their back end on first use too
      } catch (Throwable e) {
        // looked for again on its first use
      }
    }
    try {
      // java.util.logging's default format prints the time: the time-zone rules are read from a
      // file on their first use, which out of descriptors fails, and the log line with it.
      java.time.ZoneId.systemDefault().getRules();
    } catch (Throwable e) {
      // the log prints what it can
    }
  }

  private System.Logger logger() {
    System.Logger l = logger;
    if (l == null) {
      l = System.getLogger(name);
      logger = l;
    }
    return l;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean isLoggable(Level level) {
    return logger().isLoggable(level);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    logger().log(level, bundle, msg, thrown);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    logger().log(level, bundle, format, params);
  }
}
