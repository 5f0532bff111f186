package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qapi4j.testsupport.PackageGraph;

/** The sample VM's packages (its schema, the example, the machine) use each other one way. */
class PackageCycleTest {
  @Test
  void noPackageCycle() {
    assertEquals(List.of(), PackageGraph.of(Machine.class).cycles());
  }
}
