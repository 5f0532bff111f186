package org.qapi4j.runtime.marshal;

import org.qapi4j.runtime.QmpError;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The state of a reader inside one JSON object: which member it is on, which declared members it
 * has met, and the error QEMU would report ({@link MemberErrors}). {@link ObjectType} reads the
 * objects of generated code with it; a reader written by hand uses it the same way:
 *
 * <pre>{@code
 * ObjectReader r = new ObjectReader(p, path);
 * while (r.next()) {
 *   try {
 *     switch (r.key()) {
 *       case "filename" -> filename = r.str(0);
 *       case "locking" -> locking = Schema_Marshal.readOnOffAuto(p, r.at(1), "locking");
 *       default -> r.unexpected();
 *     }
 *   } catch (QmpError e) {
 *     r.invalid(e);
 *   }
 * }
 * r.require(0, "filename");
 * r.check();
 * }</pre>
 *
 * <p>{@link #at} marks the declared member present and returns its path; a reader that fails
 * inside the member's value throws, and {@link #invalid} charges the error to that member and moves
 * the parser past the value, so the object can be read to its end as QEMU's visitor does.
 */
public final class ObjectReader {
  private final JsonParser p;
  private final String path;
  private final int depth;
  private final MemberErrors errors = new MemberErrors();
  private String key;
  /** The declaration index of the member being read, -1 between members. */
  private int index = -1;

  /**
   * @param p on the object's {@code START_OBJECT}
   * @param path QEMU's name of the object, null for a command's arguments
   */
  public ObjectReader(JsonParser p, String path) {
    this.p = p;
    this.path = path;
    this.depth = p.streamReadContext().getNestingDepth();
  }

  /** Moves to the next member's value; false at the end of the object. */
  public boolean next() {
    index = -1;
    if (p.nextToken() != JsonToken.PROPERTY_NAME) {
      return false;
    }
    key = p.currentName();
    p.nextToken();
    return true;
  }

  /** The name of the current member. */
  public String key() {
    return key;
  }

  /** The current member is declared member number {@code index}: its path, for its reader. */
  public String at(int index) {
    this.index = index;
    errors.present(index, key);
    return Input.path(path, key);
  }

  /**
   * Member number {@code index}, {@code name}, has special features: the compat policy may refuse
   * it (QEMU's {@code visit_policy_reject()}). For a mandatory member, call before the members are
   * read (refused whether or not it is in the input); for an optional one, when it is met, before
   * its value is read (the value's own errors come after the policy's).
   */
  public void policy(int index, int features, String name) {
    errors.policy(index, features, name);
  }

  // The built-in types, read as declared member number {@code index}; range and enum errors name
  // the member as QEMU does.

  public String str(int index) {
    return Input.str(p, at(index));
  }

  public boolean bool(int index) {
    return Input.bool(p, at(index));
  }

  public double number(int index) {
    return Input.number(p, at(index));
  }

  public long int64(int index) {
    return Input.int64(p, at(index));
  }

  public int int32(int index) {
    return Input.int32(p, at(index), key);
  }

  public short int16(int index) {
    return Input.int16(p, at(index), key);
  }

  public byte int8(int index) {
    return Input.int8(p, at(index), key);
  }

  public long uint64(int index) {
    return Input.uint64(p, at(index), key);
  }

  public long uint32(int index) {
    return Input.uint32(p, at(index), key);
  }

  public int uint16(int index) {
    return Input.uint16(p, at(index), key);
  }

  public short uint8(int index) {
    return Input.uint8(p, at(index), key);
  }

  public org.qapi4j.runtime.json.JsonValue any(int index) {
    at(index);
    return Input.any(p);
  }

  public org.qapi4j.runtime.QNull qnull(int index) {
    return Input.qnull(p, at(index));
  }

  /** The current member is not declared: skipped, and reported if nothing else is wrong. */
  public void unexpected() {
    errors.unexpected(key);
    p.skipChildren();
  }

  /** The current member is not one this reader wants (a union's first look at its base). */
  public void skip() {
    p.skipChildren();
  }

  /**
   * The current member's value was invalid: the error is charged to it, and the parser moves to
   * the value's last token.
   */
  public void invalid(QmpError error) {
    if (index < 0) {
      throw error; // not inside a member's value: nothing to charge it to
    }
    errors.invalid(index, error);
    Input.skipRest(p, depth);
  }

  /** Mandatory member number {@code index}, {@code name}: reported missing if it was not met. */
  public void require(int index, String name) {
    if (!errors.isPresent(index)) {
      errors.missing(index, Input.path(path, name));
    }
  }

  /** Throws the error QEMU reports for this object, if any. */
  public void check() {
    errors.check(path);
  }
}
