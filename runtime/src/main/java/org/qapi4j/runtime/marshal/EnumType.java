package org.qapi4j.runtime.marshal;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * One enum type's wire names, as a table the generated code declares: the names of the constants
 * in declaration order, separated by spaces, each with flags after a {@code /}: {@code D}
 * deprecated, {@code U} unstable (special features, under the compat policy), {@code -} not in this
 * configuration (its {@code @If} fails: refused on input, an error to write).
 *
 * <pre>{@code
 * new EnumType<>("OnOffAuto", OnOffAuto.values(), "auto on off")
 * }</pre>
 */
public final class EnumType<E extends Enum<E>> {
  private final String name;
  private final String[] wireNames;
  private final boolean[] absent;
  private final int[] features;
  private final Map<String, E> byWireName = new HashMap<>();

  /**
   * @param name the QAPI name of the enum
   * @param constants the Java constants, in declaration order ({@code E.values()})
   * @param table their wire names and flags, as above
   */
  public EnumType(String name, E[] constants, String table) {
    this.name = name;
    TableEntry[] entries = TableEntry.parse(table);
    if (entries.length != constants.length) {
      throw new IllegalArgumentException(name + ": " + constants.length + " constants, " + entries.length + " wire names");
    }
    wireNames = new String[entries.length];
    absent = new boolean[entries.length];
    features = new int[entries.length];
    for (int i = 0; i < entries.length; i++) {
      wireNames[i] = entries[i].text();
      absent[i] = entries[i].has('-');
      features[i] = entries[i].features();
      if (!absent[i]) {
        byWireName.put(wireNames[i], constants[i]);
      }
    }
  }

  /** Reads a value; {@code name} is what QEMU's error prints. */
  public E read(JsonParser p, String path, String name) {
    String value = Input.str(p, path);
    E e = byWireName.get(value);
    if (e == null) {
      if (Input.tolerant()) {
        return null; // a value of a newer server's, in a reply or event
      }
      throw Input.badEnumValue(name, value);
    }
    int f = features[e.ordinal()];
    return f == 0 ? e : Compat.value(f, value, e);
  }

  /** Writes a value as its wire name. */
  public void write(JsonGenerator out, E value) {
    int i = value.ordinal();
    if (absent[i]) {
      throw Output.absent(name, value);
    }
    out.writeString(wireNames[i]);
  }
}
