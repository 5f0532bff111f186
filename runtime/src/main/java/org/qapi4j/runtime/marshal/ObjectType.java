package org.qapi4j.runtime.marshal;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * The members of one JSON object type (a struct with its bases, a union's base, a union's base and
 * branch), as a table the generated code declares; it reads such an object into an array of member
 * values and writes one from such an array, with QEMU's errors and QEMU's member order.
 *
 * <p>The table lists the members in declaration order, separated by spaces, each as
 * {@code name:type} ({@link ValueType}) with flags after a {@code /}: {@code ?} optional,
 * {@code D} deprecated, {@code U} unstable (special features, under the compat policy), {@code P}
 * a Java primitive (false or zero when absent), {@code -} not in this configuration (its
 * {@code @If} fails: unexpected on input, never written). The wire order lists the members
 * present, by declaration index, in the order QEMU prints them.
 *
 * <pre>{@code
 * new ObjectType(TYPES, "StatusInfo", "running:bool/P singlestep:bool/P status:3", "2 1 0")
 * }</pre>
 *
 * <p>Reading is QEMU's: every member read as it arrives, the first problem in declaration order
 * reported, an unknown member reported only if nothing else is wrong ({@link ObjectReader}).
 */
public final class ObjectType {
  private static final Object[] NO_VALUES = {};

  private final NamedTypes types;
  private final String owner;
  private final String[] names;
  private final ValueType[] valueTypes;
  private final boolean[] optional;
  private final int[] features;
  private final Object[] defaults;
  private final Map<String, Integer> present = new HashMap<>();
  private final int[] wireOrder;
  /** The mandatory members with special features: the policy refuses them whether or not they are there. */
  private final int[] policed;
  private final int[] required;

  /**
   * @param types the schema's named types
   * @param owner the type's name, for the message when a mandatory member's value is null
   * @param members the table of members, as above
   * @param wireOrder the declaration indexes of the members present, in QEMU's order
   */
  public ObjectType(NamedTypes types, String owner, String members, String wireOrder) {
    this.types = types;
    this.owner = owner;
    TableEntry[] entries = TableEntry.parse(members);
    int n = entries.length;
    names = new String[n];
    valueTypes = new ValueType[n];
    optional = new boolean[n];
    features = new int[n];
    defaults = new Object[n];
    int policedCount = 0;
    int requiredCount = 0;
    int[] policedAt = new int[n];
    int[] requiredAt = new int[n];
    for (int i = 0; i < n; i++) {
      TableEntry entry = entries[i];
      int colon = entry.text().lastIndexOf(':');
      names[i] = entry.text().substring(0, colon);
      valueTypes[i] = ValueType.parse(entry.text().substring(colon + 1));
      optional[i] = entry.has('?');
      features[i] = entry.features();
      if (entry.has('P')) {
        defaults[i] = valueTypes[i].zero();
      }
      if (entry.has('-')) {
        continue; // not in this configuration
      }
      present.put(names[i], i);
      if (!optional[i]) {
        requiredAt[requiredCount++] = i;
        if (features[i] != 0) {
          policedAt[policedCount++] = i;
        }
      }
    }
    this.policed = java.util.Arrays.copyOf(policedAt, policedCount);
    this.required = java.util.Arrays.copyOf(requiredAt, requiredCount);
    String[] order = wireOrder.isEmpty() ? new String[0] : wireOrder.split(" ");
    this.wireOrder = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      this.wireOrder[i] = Integer.parseInt(order[i]);
    }
  }

  /**
   * Reads an object: the values of its members in declaration order (null for the optional ones
   * absent). The parser is on the value's first token and is left on its last.
   */
  public Object[] read(JsonParser p, String path) {
    return read(p, path, false);
  }

  /**
   * Reads the members of this table and skips the others without complaint: a union's first look
   * at its base, which says the branch.
   */
  public Object[] readLenient(JsonParser p, String path) {
    return read(p, path, true);
  }

  private Object[] read(JsonParser p, String path, boolean lenient) {
    Input.beginObject(p, path);
    Object[] values = defaults.clone();
    ObjectReader r = new ObjectReader(p, path);
    for (int i : policed) {
      r.policy(i, features[i], names[i]); // QEMU refuses such a member whether or not it is there
    }
    while (r.next()) {
      Integer index = present.get(r.key());
      if (index == null) {
        if (lenient || Input.tolerant()) { // a newer server's member, in a reply or event
          r.skip();
        } else {
          r.unexpected();
        }
        continue;
      }
      int i = index;
      try {
        if (optional[i] && features[i] != 0) {
          r.policy(i, features[i], names[i]);
        }
        values[i] = valueTypes[i].read(types, p, r.at(i), names[i]);
      } catch (org.qapi4j.runtime.QmpError e) {
        r.invalid(e);
      }
    }
    for (int i : required) {
      r.require(i, names[i]);
    }
    r.check();
    return values;
  }

  /**
   * Writes an object from its members' values in declaration order, in QEMU's order: optional
   * members left out when null, members with special features left out when the compat policy
   * hides them.
   *
   * @throws NullPointerException if a mandatory member's value is null
   */
  public void write(JsonGenerator out, Object... values) {
    write(out, values, NO_VALUES);
  }

  /**
   * Writes a union's object from the values of its base's members and of its branch's, as
   * {@link #write(JsonGenerator, Object...)} writes the two arrays joined: a union's writer gets
   * the base's values once, not in every branch.
   */
  public void writeBranch(JsonGenerator out, Object[] base, Object... branch) {
    write(out, base, branch);
  }

  private void write(JsonGenerator out, Object[] head, Object[] tail) {
    out.writeStartObject();
    for (int i : wireOrder) {
      Object value = i < head.length ? head[i] : tail[i - head.length];
      if (features[i] != 0 && Compat.hidden(features[i]) || value == null && optional[i]) {
        continue;
      }
      if (value == null) {
        throw new NullPointerException("member '" + names[i] + "' of " + owner + " is null");
      }
      out.writeName(names[i]);
      valueTypes[i].write(types, out, value);
    }
    out.writeEndObject();
  }
}
