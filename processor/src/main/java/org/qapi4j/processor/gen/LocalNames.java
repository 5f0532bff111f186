package org.qapi4j.processor.gen;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The local variable names of one generated method: each suggestion made a Java identifier, with
 * {@code _} appended until it is neither a keyword nor taken. (JavaPoet's {@code NameAllocator}
 * does the same, but draws a random UUID for every name, which costs more than the rest of the
 * generation of a large schema.)
 */
final class LocalNames {
  private final Set<String> taken = new HashSet<>();

  String newName(String suggestion) {
    StringBuilder b = new StringBuilder(suggestion.length());
    for (int i = 0; i < suggestion.length(); i++) {
      char c = suggestion.charAt(i);
      boolean ok = b.length() == 0 ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c);
      if (!ok && b.length() == 0 && Character.isJavaIdentifierPart(c)) {
        b.append('_');
        ok = true;
      }
      b.append(ok ? c : '_');
    }
    String name = b.toString();
    while (SourceVersion.isKeyword(name) || !taken.add(name)) {
      name = name + "_";
    }
    return name;
  }
}
