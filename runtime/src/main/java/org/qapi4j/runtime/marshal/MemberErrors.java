package org.qapi4j.runtime.marshal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.json.GHashOrder;
import org.qapi4j.runtime.json.QDictOrder;

/**
 * Picks the error QEMU would report for one object of the input.
 *
 * <p>Generated readers take members in the order they arrive, but QEMU visits them in declaration
 * order and stops at the first missing or invalid one; only when all are good does it complain
 * about a member it does not know — and when there are several, it names the one its hash tables
 * put first ({@link GHashOrder}). A reader reports every member it meets here, and each problem with
 * the member's declaration index, and asks for the verdict at the end of the object.
 */
public final class MemberErrors {
  private int firstIndex = Integer.MAX_VALUE;
  private QmpError first;
  /** Every member of the input object, in input order. */
  private final List<String> keys = new ArrayList<>();
  /** The declared members present, by declaration index. */
  private final TreeMap<Integer, String> present = new TreeMap<>();
  private boolean anyUnexpected;

  /** Declared member number {@code index} is in the input. */
  public void present(int index, String key) {
    keys.add(key);
    present.put(index, key);
  }

  /** True if declared member number {@code index} was in the input. */
  public boolean isPresent(int index) {
    return present.containsKey(index);
  }

  /** The object had a member {@code key} that is not in its type. */
  public void unexpected(String key) {
    keys.add(key);
    anyUnexpected = true;
  }

  /** Member number {@code index} (in declaration order) had an invalid value. */
  public void invalid(int index, QmpError error) {
    if (index < firstIndex) {
      firstIndex = index;
      first = error;
    }
  }

  /**
   * Member number {@code index}, {@code name}, has these special features: under the current
   * compat policy ({@link Compat}) they may refuse it, as QEMU's {@code visit_policy_reject()}
   * does before it looks at the value (a mandatory one whether or not it is there).
   */
  public void policy(int index, int features, String name) {
    QmpError refused = Compat.parameter(features, name);
    if (refused != null) {
      invalid(index, refused);
    }
  }

  /** Mandatory member number {@code index}, at {@code path}, was absent. */
  public void missing(int index, String path) {
    if (index < firstIndex) {
      invalid(index, Input.missing(path));
    }
  }

  /** Throws the error QEMU reports for this object, if any; {@code path} is the object's. */
  public void check(String path) {
    if (first != null) {
      throw first;
    }
    if (anyUnexpected) {
      String key = GHashOrder.firstLeftOver(QDictOrder.of(keys), new ArrayList<>(present.values()));
      throw Input.unexpected(Input.path(path, key));
    }
  }
}
