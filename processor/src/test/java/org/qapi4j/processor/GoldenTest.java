package org.qapi4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated code, byte for byte: its layout is part of the product. The input is the schema of
 * the README's example; {@code -Dqapi4j.regenerate=true} writes the files that differ and fails
 * them, so that the change is a diff to review before the tests pass again.
 */
class GoldenTest {
  private static final Path CASE = Sources.resources().resolve("golden/example");

  private static Compilation compilation;

  private static synchronized Compilation compile() {
    if (compilation == null) {
      compilation =
          Compiler.javac()
              .withProcessors(new Qapi4jProcessor())
              .withOptions("-Xlint:all,-processing")
              .compile(Sources.under(CASE.resolve("input")));
    }
    return compilation;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.example.vm.VmCommands_Dispatch",
        "org.example.vm.VmCommands_Marshal",
        "org.example.vm.VmEvents_Emitter",
        "org.example.vm.VmCommands_Async",
        "org.example.vm.VmCommands_Client",
        "org.example.vm.VmCommands_AsyncClient",
        "org.example.vm.VmEvents_Listener"
      })
  void generatedSourceMatchesGolden(String className) throws IOException {
    Compilation c = compile();
    assertThat(c).succeededWithoutWarnings();
    JavaFileObject generated =
        c.generatedSourceFile(className).orElseThrow(() -> new AssertionError("not generated: " + className));
    String actual = generated.getCharContent(true).toString();
    Path golden = CASE.resolve("expected").resolve(className.replace('.', '/') + ".java");
    String expected = Files.exists(golden) ? Files.readString(golden) : null;
    if (Boolean.getBoolean("qapi4j.regenerate") && !actual.equals(expected)) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual);
      fail("rewrote " + golden + ": review the change with git diff, then run the tests again");
    }
    assertTrue(expected != null, "missing golden file " + golden + " (run with -Dqapi4j.regenerate=true)");
    assertEquals(expected, actual, "generated " + className + " differs from " + golden);
  }
}
