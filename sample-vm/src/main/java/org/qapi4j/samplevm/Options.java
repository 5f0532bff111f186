package org.qapi4j.samplevm;

import java.util.ArrayList;
import java.util.List;
import org.qapi4j.runtime.CompatPolicy;

/**
 * The sample VM's command line, a subset of {@code qemu-system-x86_64}'s: the options it
 * implements, and the ones it accepts and ignores so that QEMU command lines work unchanged.
 *
 * @param qmp the {@code -qmp} endpoints, in order
 * @param name the guest name ({@code -name NAME} or {@code -name guest=NAME})
 * @param startPaused {@code -S}: start in state {@code prelaunch}
 * @param noShutdown {@code -no-shutdown}: a guest shutdown stops the machine instead of exiting
 * @param compat {@code -compat}: QEMU's policy for deprecated and unstable interfaces
 */
public record Options(List<String> qmp, String name, boolean startPaused, boolean noShutdown, CompatPolicy compat) {
  /** What {@code query-version} and the greeting report as the package. */
  public static final String PACKAGE = "qapi4j sample-vm 0.1.0";

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar sample-vm.jar [options]",
          "",
          "A simulated machine that speaks QMP like qemu-system-x86_64.",
          "",
          "  -qmp unix:PATH,server=on,wait=off   serve QMP on a unix socket",
          "  -qmp tcp:HOST:PORT,server=on,wait=off   serve QMP on TCP (tcp::PORT binds loopback)",
          "  -qmp stdio                          serve QMP on standard input and output",
          "                                      (-qmp may be given several times)",
          "  -name NAME | -name guest=NAME       the guest name query-name reports",
          "  -S                                  start with the CPUs stopped (prelaunch)",
          "  -no-shutdown                        a guest shutdown stops the machine; no exit",
          "  -compat deprecated-input=accept|reject|crash,deprecated-output=accept|hide,",
          "          unstable-input=accept|reject|crash,unstable-output=accept|hide",
          "                                      what QMP does with deprecated and unstable",
          "                                      commands, arguments, values, results and events",
          "  -version, -h, -help                 print the version or this text",
          "",
          "Accepted and ignored, for QEMU command lines: -M/-machine, -nodefaults, -display,",
          "-nographic, -enable-kvm, -accel, -m, -smp.",
          "");

  /** Thrown for a command line the VM does not accept; the message is QEMU-style. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static Options parse(String... args) throws UsageException {
    List<String> qmp = new ArrayList<>();
    String name = null;
    boolean startPaused = false;
    boolean noShutdown = false;
    CompatPolicy compat = CompatPolicy.DEFAULT;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i].startsWith("--") ? args[i].substring(1) : args[i];
      switch (arg) {
        case "-qmp" -> qmp.add(value(args, ++i, arg));
        case "-name" -> name = guestName(value(args, ++i, arg));
        case "-S" -> startPaused = true;
        case "-no-shutdown" -> noShutdown = true;
        case "-compat" -> compat = compat(value(args, ++i, arg));
        case "-M", "-machine", "-display", "-accel", "-m", "-smp" -> value(args, ++i, arg);
        case "-nodefaults", "-nographic", "-enable-kvm" -> {}
        default -> throw new UsageException(arg + ": invalid option");
      }
    }
    return new Options(List.copyOf(qmp), name, startPaused, noShutdown, compat);
  }

  /** QEMU's {@code -compat}; its errors as QEMU prints them: {@code -compat SPEC: MESSAGE}. */
  private static CompatPolicy compat(String spec) throws UsageException {
    try {
      return CompatPolicy.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new UsageException("-compat " + spec + ": " + e.getMessage());
    }
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length) {
      throw new UsageException(option + ": requires an argument");
    }
    return args[i];
  }

  /** QEMU's {@code -name}: a plain name, or {@code guest=NAME[,...]}. */
  private static String guestName(String spec) {
    for (String part : spec.split(",")) {
      if (part.startsWith("guest=")) {
        return part.substring("guest=".length());
      }
    }
    return spec.contains("=") ? null : spec;
  }
}
