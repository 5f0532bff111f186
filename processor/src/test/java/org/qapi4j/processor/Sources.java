package org.qapi4j.processor;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Test inputs read from files under {@code src/test/resources}. */
final class Sources {
  private Sources() {}

  static Path resources() {
    return Path.of("src", "test", "resources");
  }

  /** Every {@code .java} file below {@code dir}, as compile-testing sources named by their path. */
  static List<JavaFileObject> under(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .sorted()
          .map(f -> toSource(dir, f))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JavaFileObject toSource(Path dir, Path file) {
    try {
      String name = dir.relativize(file).toString().replace('\\', '/').replaceAll("\\.java$", "");
      return JavaFileObjects.forSourceString(name.replace('/', '.'), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
