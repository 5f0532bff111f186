package org.qapi4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qapi4j.testsupport.PackageGraph;

/**
 * The runtime's packages form layers: {@code json} at the bottom (QEMU's JSON, using no other
 * package) beside {@code internal} (what the packages share, using none), the API of
 * {@code org.qapi4j.runtime} on {@code json}, {@code marshal} (for generated code) on those, and
 * {@code server}, {@code client} and {@code probe} on top.
 */
class PackageCycleTest {
  private static final PackageGraph GRAPH = PackageGraph.of(QmpError.class);

  @Test
  void noPackageCycle() {
    assertEquals(List.of(), GRAPH.cycles());
  }

  @Test
  void theLayers() {
    assertEquals(Set.of(), GRAPH.uses("org.qapi4j.runtime.json"));
    assertEquals(Set.of(), GRAPH.uses("org.qapi4j.runtime.internal"));
    assertEquals(Set.of("org.qapi4j.runtime.json"), GRAPH.uses("org.qapi4j.runtime"));
    assertEquals(Set.of("org.qapi4j.runtime", "org.qapi4j.runtime.internal", "org.qapi4j.runtime.json"),
        GRAPH.uses("org.qapi4j.runtime.marshal"));
  }
}
