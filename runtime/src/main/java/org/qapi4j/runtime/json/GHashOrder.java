package org.qapi4j.runtime.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The iteration order of a GLib {@code GHashTable} of strings, which QEMU's input visitor uses to
 * pick the member it calls unexpected: it puts every member of the input object in a hash table
 * (in the object's {@link QDictOrder}), removes each member the type declares as it visits them,
 * and names the first left-over in the table's order.
 *
 * <p>This replays GLib 2.74's table (Debian 12's): {@code g_str_hash}, buckets at
 * {@code hash * 11 % prime}, quadratic probing, tombstones, and the resizes that insertions and
 * removals trigger.
 */
public final class GHashOrder {
  private static final int MIN_SHIFT = 3;
  private static final int UNUSED = 0;
  private static final int TOMBSTONE = 1;
  private static final int[] PRIME_MOD = {
    1, 2, 3, 7, 13, 31, 61, 127, 251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071,
    262139, 524287, 1048573, 2097143, 4194301, 8388593, 16777213, 33554393, 67108859, 134217689,
    268435399, 536870909, 1073741789, 2147483647
  };

  private int size;
  private int mod;
  private int mask;
  private int nnodes;
  private int noccupied;
  private int[] hashes;
  private String[] keys;

  private GHashOrder() {
    setShift(MIN_SHIFT);
    hashes = new int[size];
    keys = new String[size];
  }

  /**
   * The member QEMU names as unexpected: {@code inserted} are all the members of the input object
   * in QDict order, {@code removed} the declared members present, in declaration order.
   */
  public static String firstLeftOver(List<String> inserted, List<String> removed) {
    GHashOrder table = new GHashOrder();
    for (String k : inserted) {
      table.insert(k);
    }
    for (String k : removed) {
      table.remove(k);
    }
    for (int i = 0; i < table.size; i++) {
      if (Integer.compareUnsigned(table.hashes[i], 2) >= 0) {
        return table.keys[i];
      }
    }
    return null;
  }

  /** GLib's {@code g_str_hash}: djb2 over the bytes as signed chars. */
  static int strHash(String key) {
    int h = 5381;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h = (h << 5) + h + b;
    }
    return h;
  }

  private void setShift(int shift) {
    size = 1 << shift;
    mod = PRIME_MOD[shift];
    mask = size - 1;
  }

  private int toIndex(int hash) {
    return Integer.remainderUnsigned(hash * 11, mod);
  }

  private int lookup(String key, int hash) {
    int index = toIndex(hash);
    int step = 0;
    int firstTombstone = -1;
    while (hashes[index] != UNUSED) {
      if (hashes[index] == hash && keys[index].equals(key)) {
        return index;
      } else if (hashes[index] == TOMBSTONE && firstTombstone < 0) {
        firstTombstone = index;
      }
      step++;
      index = (index + step) & mask;
    }
    return firstTombstone >= 0 ? firstTombstone : index;
  }

  private static int realHash(String key) {
    int h = strHash(key);
    return Integer.compareUnsigned(h, 2) < 0 ? 2 : h;
  }

  private void insert(String key) {
    int hash = realHash(key);
    int index = lookup(key, hash);
    int old = hashes[index];
    if (Integer.compareUnsigned(old, 2) >= 0) {
      return; // already there
    }
    hashes[index] = hash;
    keys[index] = key;
    nnodes++;
    if (old == UNUSED) {
      noccupied++;
      maybeResize();
    }
  }

  private void remove(String key) {
    int hash = realHash(key);
    int index = lookup(key, hash);
    if (Integer.compareUnsigned(hashes[index], 2) < 0) {
      return;
    }
    hashes[index] = TOMBSTONE;
    keys[index] = null;
    nnodes--;
    maybeResize();
  }

  private void maybeResize() {
    if ((size > nnodes * 4 && size > 1 << MIN_SHIFT) || size <= noccupied + noccupied / 16) {
      resize();
    }
  }

  private void resize() {
    int oldSize = size;
    int n = (int) (nnodes * 1.333);
    int shift = 0;
    while (n != 0) {
      n >>= 1;
      shift++;
    }
    setShift(Math.max(shift, MIN_SHIFT));
    if (size > oldSize) {
      hashes = java.util.Arrays.copyOf(hashes, size);
      keys = java.util.Arrays.copyOf(keys, size);
    }
    boolean[] relocated = new boolean[Math.max(size, oldSize)];
    for (int i = 0; i < oldSize; i++) {
      int nodeHash = hashes[i];
      if (Integer.compareUnsigned(nodeHash, 2) < 0) {
        hashes[i] = UNUSED;
        continue;
      }
      if (relocated[i]) {
        continue;
      }
      hashes[i] = UNUSED;
      String key = keys[i];
      keys[i] = null;
      while (true) {
        int index = toIndex(nodeHash);
        int step = 0;
        while (relocated[index]) {
          step++;
          index = (index + step) & mask;
        }
        relocated[index] = true;
        int replacedHash = hashes[index];
        String replacedKey = keys[index];
        hashes[index] = nodeHash;
        keys[index] = key;
        if (Integer.compareUnsigned(replacedHash, 2) < 0) {
          break;
        }
        nodeHash = replacedHash;
        key = replacedKey;
      }
    }
    if (size < oldSize) {
      hashes = java.util.Arrays.copyOf(hashes, size);
      keys = java.util.Arrays.copyOf(keys, size);
    }
    noccupied = nnodes;
  }

  /** The order of every key left in the table (for tests). */
  static List<String> order(List<String> inserted, List<String> removed) {
    GHashOrder table = new GHashOrder();
    inserted.forEach(table::insert);
    removed.forEach(table::remove);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < table.size; i++) {
      if (Integer.compareUnsigned(table.hashes[i], 2) >= 0) {
        out.add(table.keys[i]);
      }
    }
    return out;
  }
}
