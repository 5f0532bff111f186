package org.qapi4j.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * QEMU's QDict order, the one order of the project (the model's introspection and the generated
 * tables use it too). The orders below are those of real QEMU 7.2 replies (sample-vm's
 * TranscriptIT compares them live).
 */
class QDictOrderTest {
  @Test
  void statusInfoIsPrintedInHashOrder() {
    assertEquals(
        List.of("status", "singlestep", "running"),
        QDictOrder.of(List.of("running", "singlestep", "status")));
  }

  @Test
  void sameBucketPutsTheLaterMemberFirst() {
    // "micro" and "minor" share a bucket; QEMU prints {"micro": M, "minor": m, "major": J}.
    assertEquals(QDictOrder.bucket("micro"), QDictOrder.bucket("minor"));
    assertEquals(
        List.of("micro", "minor", "major"), QDictOrder.of(List.of("major", "minor", "micro")));
  }

  @Test
  void envelopes() {
    assertEquals(List.of("return", "id"), QDictOrder.of(List.of("return", "id")));
    assertEquals(List.of("id", "error"), QDictOrder.of(List.of("error", "id")));
    assertEquals(List.of("class", "desc"), QDictOrder.of(List.of("class", "desc")));
    assertEquals(
        List.of("timestamp", "event", "data"), QDictOrder.of(List.of("event", "data", "timestamp")));
    assertEquals(List.of("qemu", "package"), QDictOrder.of(List.of("qemu", "package")));
  }

  /** QEMU's tdb_hash over the key's UTF-8 bytes, spelled out: the reference for the fast path. */
  private static int tdbBucket(String key) {
    byte[] b = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int value = 0x238F13AF * b.length;
    for (int i = 0; i < b.length; i++) {
      value += (b[i] & 0xFF) << (i * 5 % 24);
    }
    return Integer.remainderUnsigned(1103515243 * value + 12345, 512);
  }

  @Test
  void nonAsciiKeysHashTheirUtf8Bytes() {
    for (String key : List.of("é", "naïve-key", "日本", "\u007f\u0080", "a\uD83D\uDE00b", "")) {
      assertEquals(tdbBucket(key), QDictOrder.bucket(key), key);
    }
    for (char c = 0; c < 0x80; c++) {
      String key = "x" + c + c + "yz";
      assertEquals(tdbBucket(key), QDictOrder.bucket(key), key);
    }
  }

  @Test
  void aHundredThousandMembersAreOrderedAsQemuWalksThem() {
    List<String> keys = new java.util.ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      keys.add("k" + (i % 3 == 0 ? "-dup-bucket-" : "") + i);
    }
    List<Integer> index = new java.util.ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      index.add(i);
    }
    index.sort(java.util.Comparator.<Integer>comparingInt(i -> tdbBucket(keys.get(i)))
        .thenComparing(java.util.Comparator.<Integer>reverseOrder()));
    List<String> expected = index.stream().map(keys::get).toList();
    assertEquals(expected, QDictOrder.of(keys));
  }

  @Test
  void theOrderCannotBeChanged() {
    List<String> order = QDictOrder.of(List.of("running", "singlestep", "status"));
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> order.set(0, "x"));
  }
}
