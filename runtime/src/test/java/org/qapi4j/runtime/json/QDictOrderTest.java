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
}
