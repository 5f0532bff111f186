package org.qapi4j.qapijson;

import java.util.Objects;
import org.qapi4j.model.Origin;

/**
 * A position in a QAPI JSON schema, as QEMU's generator reports it: the file (as it was named on
 * the command line or by an {@code include}), the line, the chain of files that included it, and
 * the definition it belongs to.
 *
 * <p>{@link #toString()} is QEMU's location prefix: {@code In file included from a.json:1:} lines,
 * then {@code FILE: In command 'x':}, then {@code FILE:LINE}.
 */
public final class SourceInfo implements Origin {
  private final String fname;
  private final int line;
  private final SourceInfo parent;
  private final String defnMeta;
  private final String defnName;

  private SourceInfo(String fname, int line, SourceInfo parent, String defnMeta, String defnName) {
    this.fname = fname;
    this.line = line;
    this.parent = parent;
    this.defnMeta = defnMeta;
    this.defnName = defnName;
  }

  /** The first line of a file, included from {@code parent} (null for the main file). */
  static SourceInfo start(String fname, SourceInfo parent) {
    return new SourceInfo(fname, 1, parent, null, null);
  }

  SourceInfo nextLine() {
    return new SourceInfo(fname, line + 1, parent, defnMeta, defnName);
  }

  /** This position inside definition {@code name} of kind {@code meta} ({@code command}...). */
  public SourceInfo inDefinition(String meta, String name) {
    return new SourceInfo(fname, line, parent, meta, name);
  }

  public String fname() {
    return fname;
  }

  public int line() {
    return line;
  }

  /** {@code FILE:LINE}. */
  public String loc() {
    return fname + ":" + line;
  }

  /** QEMU's {@code In file included from} lines, outermost first. */
  public String includePath() {
    StringBuilder sb = new StringBuilder();
    for (SourceInfo p = parent; p != null; p = p.parent) {
      sb.insert(0, "In file included from " + p.loc() + ":\n");
    }
    return sb.toString();
  }

  /** QEMU's {@code FILE: In command 'x':} line, or nothing outside a definition. */
  public String inDefn() {
    // QEMU tests the name for truth: an empty name gives no context line either.
    return defnName == null || defnName.isEmpty() ? "" : fname + ": In " + defnMeta + " '" + defnName + "':\n";
  }

  /** The includer of this file, or null. */
  public SourceInfo parent() {
    return parent;
  }

  @Override
  public String toString() {
    return includePath() + inDefn() + loc();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceInfo s
        && s.fname.equals(fname)
        && s.line == line
        && Objects.equals(s.parent, parent)
        && Objects.equals(s.defnMeta, defnMeta)
        && Objects.equals(s.defnName, defnName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fname, line, defnName);
  }
}
