package org.qapi4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qapi4j.testsupport.PackageGraph;

/** The model's packages ({@code check}, {@code introspect} on the model itself) use each other one way. */
class PackageCycleTest {
  @Test
  void noPackageCycle() {
    assertEquals(List.of(), PackageGraph.of(Schema.class).cycles());
  }
}
