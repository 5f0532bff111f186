package org.qapi4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qapi4j.testsupport.PackageGraph;

/** The processor's packages ({@code read}, {@code gen}, {@code diag} under the processor) use each other one way. */
class PackageCycleTest {
  @Test
  void noPackageCycle() {
    assertEquals(List.of(), PackageGraph.of(Qapi4jProcessor.class).cycles());
  }
}
