package org.qapi4j.runtime.marshal;

import org.qapi4j.runtime.QmpError;

/**
 * Picks the error QEMU would report for one object of the input.
 *
 * <p>Generated readers take members in the order they arrive, but QEMU visits them in declaration
 * order and stops at the first missing or invalid one; only when all are good does it complain
 * about a member it does not know. A reader records each problem with the member's declaration
 * index here and asks for the verdict at the end of the object.
 */
public final class MemberErrors {
  private int firstIndex = Integer.MAX_VALUE;
  private QmpError first;
  private String unexpected;

  /** Member number {@code index} (in declaration order) had an invalid value. */
  public void invalid(int index, QmpError error) {
    if (index < firstIndex) {
      firstIndex = index;
      first = error;
    }
  }

  /** Mandatory member number {@code index}, at {@code path}, was absent. */
  public void missing(int index, String path) {
    if (index < firstIndex) {
      invalid(index, Input.missing(path));
    }
  }

  /** The object had a member {@code key} that is not in its type. */
  public void unexpected(String key) {
    if (unexpected == null) {
      unexpected = key;
    }
  }

  /** Throws the error QEMU reports for this object, if any; {@code path} is the object's. */
  public void check(String path) {
    if (first != null) {
      throw first;
    }
    if (unexpected != null) {
      throw Input.unexpected(Input.path(path, unexpected));
    }
  }
}
