package org.qapi4j.runtime.marshal;

import org.qapi4j.runtime.CompatPolicy;

/**
 * One entry of a table of generated code ({@link ObjectType}, {@link EnumType}): what comes
 * before a {@code /}, and the flags after it.
 */
record TableEntry(String text, String flags) {
  /** The entries of a table: words separated by spaces; none in an empty table. */
  static TableEntry[] parse(String table) {
    String[] words = table.isEmpty() ? new String[0] : table.split(" ");
    TableEntry[] entries = new TableEntry[words.length];
    for (int i = 0; i < words.length; i++) {
      int slash = words[i].indexOf('/');
      entries[i] = slash < 0
          ? new TableEntry(words[i], "")
          : new TableEntry(words[i].substring(0, slash), words[i].substring(slash + 1));
    }
    return entries;
  }

  boolean has(char flag) {
    return flags.indexOf(flag) >= 0;
  }

  /** The special features the flags {@code D} and {@code U} say, as {@link CompatPolicy} bits. */
  int features() {
    return (has('D') ? CompatPolicy.DEPRECATED : 0) | (has('U') ? CompatPolicy.UNSTABLE : 0);
  }
}
