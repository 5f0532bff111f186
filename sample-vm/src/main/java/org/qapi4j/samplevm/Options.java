package org.qapi4j.samplevm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qapi4j.runtime.CompatPolicy;

/**
 * The sample VM's command line, a subset of {@code qemu-system-x86_64}'s: the options it
 * implements, and the ones it accepts and ignores so that QEMU command lines work unchanged.
 *
 * @param qmp the {@code -qmp} endpoints, in order
 * @param name the guest name ({@code -name NAME} or {@code -name guest=NAME})
 * @param startPaused {@code -S}: start in state {@code prelaunch}
 * @param noShutdown {@code -no-shutdown}: a guest shutdown stops the machine instead of exiting
 * @param preconfig {@code --preconfig}: wait in the preconfig phase until {@code x-exit-preconfig}
 * @param incoming {@code -incoming URI}: the destination of a (simulated) migration, or null
 * @param blockdevs the {@code -blockdev} options, each as its {@code key=value} pairs in order
 * @param display {@code -vga std} (or {@code -device VGA}): a graphic console for {@code screendump}
 * @param testCommands {@code -test-commands}: also serve the test-only commands
 * @param compat {@code -compat}: QEMU's policy for deprecated and unstable interfaces
 */
public record Options(
    List<String> qmp,
    String name,
    boolean startPaused,
    boolean noShutdown,
    boolean preconfig,
    String incoming,
    List<Map<String, String>> blockdevs,
    boolean display,
    boolean testCommands,
    CompatPolicy compat) {
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
          "  --preconfig                         wait for x-exit-preconfig before building the machine",
          "  -incoming tcp:HOST:PORT|unix:PATH   be the destination of a simulated postcopy migration",
          "  -blockdev driver=file,node-name=N,filename=F   a block device backed by a file",
          "  -blockdev driver=null-co,node-name=N[,size=S]  a block device reading zeroes",
          "  -vga std | -device VGA              a display (for screendump); none by default",
          "  -test-commands                      serve x-test-block-main-loop, x-test-release-main-loop",
          "                                      and x-test-set-rtc, x-test-set-rtc-silently (the guest",
          "                                      sets its clock; the second without a reply)",
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
    boolean preconfig = false;
    String incoming = null;
    List<Map<String, String>> blockdevs = new ArrayList<>();
    boolean display = false;
    boolean testCommands = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i].startsWith("--") ? args[i].substring(1) : args[i];
      switch (arg) {
        case "-qmp" -> qmp.add(value(args, ++i, arg));
        case "-name" -> name = guestName(value(args, ++i, arg));
        case "-S" -> startPaused = true;
        case "-no-shutdown" -> noShutdown = true;
        case "-compat" -> compat = compat(value(args, ++i, arg));
        case "-preconfig" -> preconfig = true;
        case "-incoming" -> incoming = value(args, ++i, arg);
        case "-blockdev" -> blockdevs.add(blockdev(value(args, ++i, arg)));
        case "-vga" -> display = !value(args, ++i, arg).equals("none");
        case "-device" -> {
          String device = value(args, ++i, arg);
          if (!device.equals("VGA") && !device.startsWith("VGA,")) {
            throw new UsageException("-device " + device + ": the sample VM has only the VGA device");
          }
          display = true;
        }
        case "-test-commands" -> testCommands = true;
        case "-M", "-machine", "-display", "-accel", "-m", "-smp" -> value(args, ++i, arg);
        case "-nodefaults", "-nographic", "-enable-kvm" -> {}
        default -> throw new UsageException(arg + ": invalid option");
      }
    }
    if (preconfig && incoming != null) {
      throw new UsageException("--preconfig and -incoming cannot be used together");
    }
    return new Options(List.copyOf(qmp), name, startPaused, noShutdown, preconfig, incoming,
        List.copyOf(blockdevs), display, testCommands, compat);
  }

  /** {@code driver=file,node-name=disk0,filename=/tmp/disk.img}: its pairs, checked. */
  private static Map<String, String> blockdev(String spec) throws UsageException {
    Map<String, String> options = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("-blockdev " + spec + ": expected key=value pairs");
      }
      options.put(part.substring(0, eq), part.substring(eq + 1));
    }
    String driver = options.get("driver");
    if (driver == null) {
      throw new UsageException("-blockdev " + spec + ": Parameter 'driver' is missing");
    }
    if (!options.containsKey("node-name")) {
      throw new UsageException("-blockdev " + spec + ": the sample VM needs a node-name");
    }
    switch (driver) {
      case "file" -> {
        if (!options.containsKey("filename")) {
          throw new UsageException("-blockdev " + spec + ": Parameter 'filename' is missing");
        }
      }
      case "null-co" -> {}
      default -> throw new UsageException("-blockdev " + spec + ": the sample VM has drivers file and null-co only");
    }
    return Map.copyOf(options);
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
