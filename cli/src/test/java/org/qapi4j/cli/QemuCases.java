package org.qapi4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** QEMU's schema test cases: the names of the {@code X.json} files that have an {@code X.err}. */
final class QemuCases {
  private QemuCases() {}

  static Stream<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".err"))
          .map(n -> n.substring(0, n.length() - ".err".length()))
          .sorted()
          .toList()
          .stream();
    }
  }
}
