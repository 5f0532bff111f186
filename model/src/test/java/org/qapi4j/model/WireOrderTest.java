package org.qapi4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The orders below are those of real QEMU 7.2 replies (sample-vm's TranscriptIT compares them live). */
class WireOrderTest {
  @Test
  void statusInfoIsPrintedInHashOrder() {
    assertEquals(
        List.of("status", "singlestep", "running"),
        WireOrder.of(List.of("running", "singlestep", "status")));
  }

  @Test
  void sameBucketPutsTheLaterMemberFirst() {
    // "micro" and "minor" share a bucket; QEMU prints {"micro": M, "minor": m, "major": J}.
    assertEquals(WireOrder.bucket("micro"), WireOrder.bucket("minor"));
    assertEquals(
        List.of("micro", "minor", "major"), WireOrder.of(List.of("major", "minor", "micro")));
  }

  @Test
  void envelopes() {
    assertEquals(List.of("return", "id"), WireOrder.of(List.of("return", "id")));
    assertEquals(List.of("id", "error"), WireOrder.of(List.of("error", "id")));
    assertEquals(List.of("class", "desc"), WireOrder.of(List.of("class", "desc")));
    assertEquals(
        List.of("timestamp", "event", "data"), WireOrder.of(List.of("event", "data", "timestamp")));
    assertEquals(List.of("qemu", "package"), WireOrder.of(List.of("qemu", "package")));
  }
}
