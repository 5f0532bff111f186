package org.qapi4j.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** QAPI's naming: the names Java identifiers derive, QEMU's name grammar and C mangling. */
public final class Names {
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
    char[] chars = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetterOrDigit(c) && c != '_') {
        if (chars == null) {
          chars = name.toCharArray();
        }
        chars[i] = '_';
      }
    }
    return chars == null ? name : new String(chars);
  }

  /**
   * The stem of a valid name (the part after the optional {@code __RFQDN_} and {@code x-}
   * prefixes), or null if the name is invalid: not of QEMU's form {@code (__RFQDN_)?(x-)?STEM}
   * (matched case-insensitively, {@code STEM} being {@code [a-z][a-z0-9_-]*}), or in the
   * {@code q_} namespace QEMU reserves for itself.
   */
  public static String stem(String name) {
    // VALID, by hand (it is checked for every name of a schema): the RFQDN cannot contain '_', so
    // it ends at the first '_'; "x-" is the prefix only if what follows is a stem by itself.
    int start = 0;
    if (name.startsWith("__")) {
      int end = name.indexOf('_', 2);
      if (end <= 2) {
        return null;
      }
      for (int i = 2; i < end; i++) {
        char c = name.charAt(i);
        if (!isAsciiLetterOrDigit(c) && c != '.' && c != '-') {
          return null;
        }
      }
      start = end + 1;
    }
    if (name.regionMatches(true, start, "x-", 0, 2) && isStem(name, start + 2)) {
      start += 2;
    } else if (!isStem(name, start)) {
      return null;
    }
    // cName(name) starts with "q_": the namespace QEMU reserves for itself.
    if (name.length() >= 2 && name.charAt(0) == 'q' && (name.charAt(1) == '_' || !isAsciiLetterOrDigit(name.charAt(1)))) {
      return null;
    }
    return name.substring(start);
  }

  /** {@code name.substring(from)} is {@code [a-z][a-z0-9_-]*}, case-insensitively. */
  private static boolean isStem(String name, int from) {
    if (from >= name.length() || !isAsciiLetter(name.charAt(from))) {
      return false;
    }
    for (int i = from + 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetterOrDigit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }

  /** QEMU's CamelCase rule for type names, on the stem. */
  public static boolean isCamel(String stem) {
    return CAMEL.matcher(stem).matches();
  }
}
