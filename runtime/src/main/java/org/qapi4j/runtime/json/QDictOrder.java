package org.qapi4j.runtime.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which QEMU walks the members of a JSON object: the order of its {@code QDict} hash
 * table (512 buckets of {@code tdb_hash(key) % 512}, first to last; within a bucket, the member
 * added last first). QEMU prints objects in this order, and checks a request's members in it, so
 * when a request has two problems, the one QEMU reports depends on it.
 *
 * <p>The project's one implementation of this order: the runtime prints with it, and the compiler
 * uses it too, at compile time, so that generated writers and the introspection reply list members
 * as QEMU does (the model, which depends on no runtime, takes it as a {@code KeyOrder}:
 * {@code QDictOrder::of}).
 */
public final class QDictOrder {
  private QDictOrder() {}

  /** QEMU's bucket for a key. */
  public static int bucket(String key) {
    byte[] b = key.getBytes(StandardCharsets.UTF_8);
    int value = 0x238F13AF * b.length;
    for (int i = 0; i < b.length; i++) {
      value += (b[i] & 0xFF) << (i * 5 % 24);
    }
    return Integer.remainderUnsigned(1103515243 * value + 12345, 512);
  }

  /** The keys, given in insertion order, in QEMU's iteration order. */
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
