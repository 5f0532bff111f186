package org.qapi4j.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** QAPI's naming: the names Java identifiers derive, QEMU's name grammar and C mangling. */
public final class Names {
  /** QEMU's valid name: {@code (__RFQDN_)?(x-)?STEM}, matched case-insensitively. */
  private static final Pattern VALID =
      Pattern.compile("(__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)", Pattern.CASE_INSENSITIVE);

  private static final Pattern CAMEL = Pattern.compile("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*");

  private Names() {}

  /**
   * The wire name a Java member or method name derives: camel case becomes lower case words joined
   * by {@code '-'}. {@code queryStatus} is {@code query-status}, {@code nodeName} is
   * {@code node-name}, {@code getURLPath} is {@code get-url-path}, {@code vnc2Port} is
   * {@code vnc2-port}.
   */
  public static String kebab(String javaName) {
    StringBuilder sb = new StringBuilder(javaName.length() + 8);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (c == '_') {
        sb.append('-');
        continue;
      }
      if (Character.isUpperCase(c) && i > 0) {
        char prev = javaName.charAt(i - 1);
        boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          sb.append('-');
        }
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString();
  }

  /** The event name a Java method name derives: {@code balloonChange} is {@code BALLOON_CHANGE}. */
  public static String eventName(String javaName) {
    return kebab(javaName).replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /**
   * The enum value a Java constant derives: {@code GUEST_PANICKED} is {@code guest-panicked},
   * {@code hostError} is {@code host-error}.
   */
  public static String enumValue(String constant) {
    if (constant.equals(constant.toUpperCase(Locale.ROOT))) {
      return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }
    return kebab(constant);
  }

  /** QEMU's {@code c_name()} without protection: every character but letters, digits, {@code _} becomes {@code _}. */
  public static String cName(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      sb.append(keep ? c : '_');
    }
    return sb.toString();
  }

  /**
   * The stem of a valid name (the part after the optional {@code __RFQDN_} and {@code x-}
   * prefixes), or null if the name is invalid: not of QEMU's form, or in the {@code q_} namespace
   * QEMU reserves for itself.
   */
  public static String stem(String name) {
    Matcher m = VALID.matcher(name);
    if (!m.matches() || cName(name).startsWith("q_")) {
      return null;
    }
    return m.group(3);
  }

  /** QEMU's CamelCase rule for type names, on the stem. */
  public static boolean isCamel(String stem) {
    return CAMEL.matcher(stem).matches();
  }
}
