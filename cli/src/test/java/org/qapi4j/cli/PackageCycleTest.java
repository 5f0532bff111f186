package org.qapi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qapi4j.testsupport.PackageGraph;

/** The command's packages (its commands, and {@code shell} under them) use each other one way. */
class PackageCycleTest {
  @Test
  void noPackageCycle() {
    assertEquals(List.of(), PackageGraph.of(Main.class).cycles());
  }
}
