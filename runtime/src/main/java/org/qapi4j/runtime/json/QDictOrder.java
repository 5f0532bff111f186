package org.qapi4j.runtime.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
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
    int n = key.length();
    for (int i = 0; i < n; i++) {
      if (key.charAt(i) >= 0x80) {
        return bucket(key.getBytes(StandardCharsets.UTF_8)); // not ASCII: hash its UTF-8 bytes
      }
    }
    int value = 0x238F13AF * n; // ASCII: its chars are its UTF-8 bytes
    for (int i = 0; i < n; i++) {
      value += key.charAt(i) << (i * 5 % 24);
    }
    return Integer.remainderUnsigned(1103515243 * value + 12345, 512);
  }

  private static int bucket(byte[] b) {
    int value = 0x238F13AF * b.length;
    for (int i = 0; i < b.length; i++) {
      value += (b[i] & 0xFF) << (i * 5 % 24);
    }
    return Integer.remainderUnsigned(1103515243 * value + 12345, 512);
  }

  /**
   * The keys, given in insertion order, in QEMU's iteration order. In O(n log n), boxing nothing:
   * it runs on every request the server reads.
   */
  public static List<String> of(List<String> insertionOrder) {
    int n = insertionOrder.size();
    if (n < 2) {
      return List.copyOf(insertionOrder);
    }
    // One long per key: its bucket, then its insertion index reversed (the last added first).
    long[] order = new long[n];
    for (int i = 0; i < n; i++) {
      order[i] = ((long) bucket(insertionOrder.get(i)) << 32) | (n - 1 - i);
    }
    Arrays.sort(order);
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      keys[i] = insertionOrder.get(n - 1 - (int) order[i]);
    }
    return Collections.unmodifiableList(Arrays.asList(keys));
  }
}
