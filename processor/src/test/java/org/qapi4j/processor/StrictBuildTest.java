package org.qapi4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import org.junit.jupiter.api.Test;

/**
 * A schema, and the code generated from it, compile in a build that turns every javac warning on
 * and into an error, as strict projects do: no "No processor claimed any of these annotations"
 * (the processor claims its own), no warning in the generated sources.
 */
class StrictBuildTest {
  @Test
  void theReadmesSchemaCompilesWithEveryLintWarningAnError() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new Qapi4jProcessor())
            .withOptions("-Xlint:all", "-Werror")
            .compile(Sources.under(Sources.resources().resolve("golden/example/input")));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
