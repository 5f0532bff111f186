package org.qapi4j.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * QEMU's compatibility policy ({@code -compat}, {@code qapi/compat.json}): what the server does with
 * the parts of the schema that carry the special features {@code deprecated} and {@code unstable}.
 *
 * <ul>
 *   <li>Input ({@link Input}): {@code accept} them; {@code reject} them, as QEMU does: a command
 *       with {@code CommandNotFound} {@code Deprecated command NAME disabled by policy}, an argument
 *       (a member, at any depth) with {@code Deprecated parameter NAME disabled by policy}, an enum
 *       value with {@code Deprecated value VALUE disabled by policy} ({@code Unstable ...} for
 *       {@code unstable}); or {@code crash}: stop the process at once, as QEMU's {@code abort()}
 *       does (meant for testing that a client uses none of them).
 *   <li>Output ({@link Output}): {@code accept} them, or {@code hide} them: such members are left
 *       out of command results and event data, such events are not sent, and with
 *       {@code deprecated-output=hide} {@code query-qmp-schema} leaves out the deprecated commands,
 *       events, types and object members, and the deprecated {@code values} of enum entries.
 * </ul>
 *
 * @param deprecatedInput what to do with deprecated input
 * @param deprecatedOutput what to do with deprecated output
 * @param unstableInput what to do with unstable input
 * @param unstableOutput what to do with unstable output
 */
public record CompatPolicy(Input deprecatedInput, Output deprecatedOutput, Input unstableInput, Output unstableOutput) {
  /** The special feature {@code deprecated}, as a bit of a feature set. */
  public static final int DEPRECATED = 1;
  /** The special feature {@code unstable}, as a bit of a feature set. */
  public static final int UNSTABLE = 1 << 1;

  /** QEMU's default: accept everything, hide nothing. */
  public static final CompatPolicy DEFAULT =
      new CompatPolicy(Input.ACCEPT, Output.ACCEPT, Input.ACCEPT, Output.ACCEPT);

  /**
   * Whether this is QEMU's default, under which nothing is rejected or hidden (what
   * {@code equals(DEFAULT)} says, without the record's generated {@code equals}, whose first call
   * costs a server a few milliseconds of its start).
   */
  public boolean isDefault() {
    return deprecatedInput == Input.ACCEPT && deprecatedOutput == Output.ACCEPT
        && unstableInput == Input.ACCEPT && unstableOutput == Output.ACCEPT;
  }

  /** QAPI's {@code CompatPolicyInput}. */
  public enum Input {
    ACCEPT,
    REJECT,
    CRASH
  }

  /** QAPI's {@code CompatPolicyOutput}. */
  public enum Output {
    ACCEPT,
    HIDE
  }

  public CompatPolicy {
    Objects.requireNonNull(deprecatedInput, "deprecatedInput");
    Objects.requireNonNull(deprecatedOutput, "deprecatedOutput");
    Objects.requireNonNull(unstableInput, "unstableInput");
    Objects.requireNonNull(unstableOutput, "unstableOutput");
  }

  /** True if output with these special features ({@link #DEPRECATED}, {@link #UNSTABLE}) is hidden. */
  public boolean hides(int features) {
    return ((features & DEPRECATED) != 0 && deprecatedOutput == Output.HIDE)
        || ((features & UNSTABLE) != 0 && unstableOutput == Output.HIDE);
  }

  /**
   * Parses the argument of QEMU's {@code -compat}: {@code deprecated-input=reject,deprecated-output=hide},
   * in QEMU's key=value syntax ({@code ,,} is a comma in a value; a key given twice takes its last
   * value). Throws {@link IllegalArgumentException} with QEMU's message: {@code Parameter
   * 'deprecated-input' does not accept value 'foo'}, {@code Parameter 'foo' is unexpected},
   * {@code Expected '=' after parameter 'foo'}, {@code Invalid parameter ''}.
   */
  public static CompatPolicy parse(String spec) {
    Map<String, String> values = keyValues(spec);
    Input di = input(values, "deprecated-input");
    Output dout = output(values, "deprecated-output");
    Input ui = input(values, "unstable-input");
    Output uout = output(values, "unstable-output");
    for (String key : values.keySet()) {
      if (!List.of("deprecated-input", "deprecated-output", "unstable-input", "unstable-output").contains(key)) {
        throw new IllegalArgumentException("Parameter '" + key + "' is unexpected");
      }
    }
    return new CompatPolicy(di, dout, ui, uout);
  }

  private static Input input(Map<String, String> values, String key) {
    String v = values.get(key);
    if (v == null) {
      return Input.ACCEPT;
    }
    return switch (v) {
      case "accept" -> Input.ACCEPT;
      case "reject" -> Input.REJECT;
      case "crash" -> Input.CRASH;
      default -> throw badValue(key, v);
    };
  }

  private static Output output(Map<String, String> values, String key) {
    String v = values.get(key);
    if (v == null) {
      return Output.ACCEPT;
    }
    return switch (v) {
      case "accept" -> Output.ACCEPT;
      case "hide" -> Output.HIDE;
      default -> throw badValue(key, v);
    };
  }

  private static IllegalArgumentException badValue(String key, String value) {
    return new IllegalArgumentException("Parameter '" + key + "' does not accept value '" + value + "'");
  }

  /** QEMU's keyval syntax, flat: {@code key=value,key=value}; the last value of a key wins. */
  private static Map<String, String> keyValues(String spec) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 0;
    while (i < spec.length()) {
      int start = i;
      while (i < spec.length() && isKeyChar(spec.charAt(i))) {
        i++;
      }
      String key = spec.substring(start, i);
      if (key.isEmpty()) {
        int end = spec.indexOf('=', i);
        throw new IllegalArgumentException(
            "Invalid parameter '" + spec.substring(start, end < 0 ? spec.length() : end) + "'");
      }
      if (i >= spec.length() || spec.charAt(i) != '=') {
        throw new IllegalArgumentException("Expected '=' after parameter '" + key + "'");
      }
      i++;
      StringBuilder value = new StringBuilder();
      while (i < spec.length()) {
        char c = spec.charAt(i);
        if (c == ',') {
          if (i + 1 < spec.length() && spec.charAt(i + 1) == ',') {
            value.append(',');
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value.append(c);
        i++;
      }
      // A dotted key names a member of a nested object; CompatPolicy has none, so its first part is unexpected.
      int dot = key.indexOf('.');
      String name = dot < 0 ? key : key.substring(0, dot);
      out.remove(name);
      out.put(name, value.toString());
    }
    return out;
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  }

  /** The {@code -compat} form of this policy, with the members that are not the default. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (deprecatedInput != Input.ACCEPT) {
      parts.add("deprecated-input=" + deprecatedInput.name().toLowerCase(Locale.ROOT));
    }
    if (deprecatedOutput != Output.ACCEPT) {
      parts.add("deprecated-output=" + deprecatedOutput.name().toLowerCase(Locale.ROOT));
    }
    if (unstableInput != Input.ACCEPT) {
      parts.add("unstable-input=" + unstableInput.name().toLowerCase(Locale.ROOT));
    }
    if (unstableOutput != Output.ACCEPT) {
      parts.add("unstable-output=" + unstableOutput.name().toLowerCase(Locale.ROOT));
    }
    return String.join(",", parts);
  }
}
