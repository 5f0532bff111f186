package org.qapi4j.testschemas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qapi4j.testschemas.kitchen.KitchenSink;
import org.qapi4j.testsupport.PackageGraph;

/** The test schemas' packages, with the code generated from them, use each other one way. */
class PackageCycleTest {
  @Test
  void noPackageCycle() {
    assertEquals(List.of(), PackageGraph.of(KitchenSink.class).cycles());
  }
}
