package org.qapi4j.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which member QEMU 7.2 (Debian's, GLib 2.74) calls unexpected when there are several: observed
 * answers of the real qemu-system-x86_64 to the same requests.
 */
class GHashOrderTest {
  private static String unexpected(List<String> inputOrder, List<String> declaredPresent) {
    return GHashOrder.firstLeftOver(QDictOrder.of(inputOrder), declaredPresent);
  }

  @Test
  void twoKeys() {
    // {"execute":"query-status","arguments":{"a":1,"b":2}} -> Parameter 'b' is unexpected
    assertEquals("b", unexpected(List.of("a", "b"), List.of()));
  }

  @Test
  void tenKeysGrowTheTable() {
    assertEquals("k6", unexpected(List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9"), List.of()));
  }

  @Test
  void mixedNames() {
    assertEquals("node-name",
        unexpected(List.of("zeta", "alpha", "node-name", "x", "device", "id", "size"), List.of()));
  }

  @Test
  void twentyKeys() {
    assertEquals("w", unexpected(List.of("q", "w", "e", "r", "t", "y", "u", "i", "o", "p", "a", "s", "d",
        "f", "g", "h", "j", "k", "l", "z"), List.of()));
  }

  @Test
  void declaredMembersAreRemovedFirst() {
    // qmp_capabilities {"x":1,"enable":["oob"],"y":2,"zz":3} -> Parameter 'y' is unexpected
    assertEquals("y", unexpected(List.of("x", "enable", "y", "zz"), List.of("enable")));
  }
}
