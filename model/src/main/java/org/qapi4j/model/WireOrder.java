package org.qapi4j.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which QEMU prints the members of a JSON object.
 *
 * <p>QEMU builds every object it sends as a {@code QDict}, a hash table of 512 buckets, and prints
 * it in table order: buckets from first to last, and within a bucket the member added last first.
 * The order on the wire is therefore fixed by the member names, not by the declaration:
 * {@code StatusInfo} is declared {@code running, singlestep, status} and printed
 * {@code status, singlestep, running}. Generated writers print members in this order, so that
 * qapi4j's output is byte for byte QEMU's.
 */
public final class WireOrder {
  private static final int BUCKETS = 512;

  private WireOrder() {}

  /** QEMU's bucket for a key: {@code tdb_hash(key) % 512}. */
  public static int bucket(String key) {
    byte[] b = key.getBytes(StandardCharsets.UTF_8);
    int value = 0x238F13AF * b.length;
    for (int i = 0; i < b.length; i++) {
      value += (b[i] & 0xFF) << (i * 5 % 24);
    }
    int hash = 1103515243 * value + 12345;
    return Integer.remainderUnsigned(hash, BUCKETS);
  }

  /** The keys, given in insertion order, in the order QEMU prints them. */
  public static List<String> of(List<String> insertionOrder) {
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < insertionOrder.size(); i++) {
      index.add(i);
    }
    index.sort(
        Comparator.<Integer>comparingInt(i -> bucket(insertionOrder.get(i)))
            .thenComparing(Comparator.<Integer>reverseOrder()));
    return index.stream().map(insertionOrder::get).toList();
  }
}
