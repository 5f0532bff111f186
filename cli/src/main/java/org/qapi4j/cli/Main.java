package org.qapi4j.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.qapi4j.model.check.Rule;

/**
 * {@code java -jar cli/target/qapi4j.jar COMMAND ...}: the qapi4j command.
 *
 * <p>Exit codes: 0 success, 1 the schema has errors, 2 usage error. The QAPI JSON front end behind
 * {@code check}, {@code introspect} and {@code import} is not built yet; until it is, they say so
 * and exit 2.
 */
public final class Main {
  static final String USAGE =
      String.join(
          "\n",
          "usage: qapi4j COMMAND [ARGS]",
          "",
          "commands:",
          "  rules                     list the QAPI rules qapi4j enforces, by id",
          "  check SCHEMA.json         check a QAPI JSON schema (not yet available)",
          "  introspect SCHEMA.json    print its query-qmp-schema reply (not yet available)",
          "  import --package P --out DIR SCHEMA.json",
          "                            write the schema as annotated Java (not yet available)",
          "  help                      print this text",
          "");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.print(USAGE);
      return 2;
    }
    switch (args[0]) {
      case "help", "-h", "--help" -> {
        out.print(USAGE);
        return 0;
      }
      case "rules" -> {
        Arrays.stream(Rule.values()).forEach(r -> out.println(r.id()));
        return 0;
      }
      case "check", "introspect", "import" -> {
        err.println("qapi4j: '" + args[0] + "' needs the QAPI JSON front end, which is not built yet");
        return 2;
      }
      default -> {
        err.println("qapi4j: unknown command '" + args[0] + "'");
        err.print(USAGE);
        return 2;
      }
    }
  }
}
