package org.qapi4j.runtime.internal;

import java.util.ResourceBundle;

/**
 * A {@link System.Logger} found on its first use rather than when its class is initialised.
 *
 * <p>{@link System#getLogger} looks up the logging back end (a service-loader scan of the class
 * path, then {@code java.util.logging}'s configuration): tens of milliseconds a server would spend
 * before its greeting, for a log it writes only when something goes wrong. Classes of the runtime
 * keep {@code LazyLogger.of(X.class)} in their static field instead.
 */
public final class LazyLogger implements System.Logger {
  private final String name;
  private volatile System.Logger logger;

  private LazyLogger(String name) {
    this.name = name;
  }

  /** The logger named after {@code owner}, as {@code System.getLogger(owner.getName())}, on first use. */
  public static System.Logger of(Class<?> owner) {
    return new LazyLogger(owner.getName());
  }

  /** The logger of that name, as {@code System.getLogger(name)}, on first use. */
  public static System.Logger named(String name) {
    return new LazyLogger(name);
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
