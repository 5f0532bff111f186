package org.qapi4j.runtime.marshal;

import java.util.function.Supplier;
import org.qapi4j.runtime.CompatPolicy;
import org.qapi4j.runtime.ErrorClass;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.internal.LazyLogger;

/**
 * The compat policy as generated readers and writers see it: the policy of the server running the
 * current command or writing the current event ({@link #with}), {@link CompatPolicy#DEFAULT}
 * elsewhere. Generated code calls the checks below with the special features of a member or enum
 * value ({@link CompatPolicy#DEPRECATED}, {@link CompatPolicy#UNSTABLE}), computed at build time.
 */
public final class Compat {
  private static final System.Logger LOG = LazyLogger.of(Compat.class);
  private static final ThreadLocal<CompatPolicy> CURRENT = ThreadLocal.withInitial(() -> CompatPolicy.DEFAULT);

  private Compat() {}

  /** The policy in force on this thread. */
  public static CompatPolicy current() {
    return CURRENT.get();
  }

  /** Runs {@code body} with {@code policy} in force on this thread, and returns what it returns. */
  public static <T> T with(CompatPolicy policy, Supplier<T> body) {
    CompatPolicy outer = CURRENT.get();
    CURRENT.set(policy);
    try {
      return body.get();
    } finally {
      CURRENT.set(outer);
    }
  }

  /** Runs {@code body} with {@code policy} in force on this thread. */
  public static void run(CompatPolicy policy, Runnable body) {
    with(policy, () -> {
      body.run();
      return null;
    });
  }

  /**
   * QEMU's {@code compat_policy_input_ok()}: null if input with these special features is accepted,
   * else the error QEMU reports, {@code Deprecated KIND NAME disabled by policy} (deprecated is
   * checked first). Under {@code crash} the process stops.
   *
   * @param kind {@code command}, {@code parameter} or {@code value}
   */
  public static QmpError refused(CompatPolicy policy, int features, ErrorClass errorClass, String kind, String name) {
    if ((features & CompatPolicy.DEPRECATED) != 0) {
      QmpError e = refused(policy.deprecatedInput(), "Deprecated", errorClass, kind, name);
      if (e != null) {
        return e;
      }
    }
    if ((features & CompatPolicy.UNSTABLE) != 0) {
      return refused(policy.unstableInput(), "Unstable", errorClass, kind, name);
    }
    return null;
  }

  private static QmpError refused(
      CompatPolicy.Input input, String adjective, ErrorClass errorClass, String kind, String name) {
    return switch (input) {
      case ACCEPT -> null;
      case REJECT -> new QmpError(errorClass, adjective + " " + kind + " " + name + " disabled by policy");
      case CRASH -> crash(adjective + " " + kind + " " + name);
    };
  }

  /**
   * For a generated reader: the error refusing member {@code name} with these special features
   * under the current policy, or null. (QEMU names the member bare, whatever its depth.)
   */
  public static QmpError parameter(int features, String name) {
    return refused(current(), features, ErrorClass.GenericError, "parameter", name);
  }

  /**
   * For an enum reader ({@link EnumType}): {@code constant}, unless the current policy refuses
   * {@code value}.
   */
  public static <E> E value(int features, String value, E constant) {
    QmpError e = refused(current(), features, ErrorClass.GenericError, "value", value);
    if (e != null) {
      throw e;
    }
    return constant;
  }

  /** For a writer ({@link ObjectType}): true if a member with these special features is left out. */
  public static boolean hidden(int features) {
    return current().hides(features);
  }

  /** {@code crash}: QEMU calls {@code abort()}. The JVM halts with the status a shell shows for it. */
  private static QmpError crash(String what) {
    LOG.log(System.Logger.Level.ERROR, what + ": compat policy 'crash', aborting");
    System.err.flush();
    Runtime.getRuntime().halt(134);
    throw new IllegalStateException("halted"); // not reached
  }
}
