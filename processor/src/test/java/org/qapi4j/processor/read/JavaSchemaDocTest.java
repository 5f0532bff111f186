package org.qapi4j.processor.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.model.doc.DefinitionDoc;
import org.qapi4j.model.doc.ModuleDoc;
import org.qapi4j.model.doc.SchemaDoc;

/** A Java schema's Javadoc as the manual's documentation model. */
class JavaSchemaDocTest {
  @Test
  void javadocTagsBecomeMembersSectionsAndFeatures(@TempDir Path src) throws IOException {
    Path p = Files.createDirectories(src.resolve("p"));
    Files.writeString(p.resolve("Vm.java"), String.join("\n",
        "package p;",
        "",
        "import org.qapi4j.annotations.Command;",
        "import org.qapi4j.annotations.Optional;",
        "import org.qapi4j.annotations.Schema;",
        "",
        "/** The machine's commands. */",
        "@Schema(\"vm\")",
        "public interface Vm {",
        "  /**",
        "   * Sets the {@code balloon} target; see {@link Info} and {@link Vm#info}.",
        "   *",
        "   * <p>Asynchronous.",
        "   * <pre>",
        "   * -&gt; { \"execute\": \"balloon\", \"arguments\": { \"value\": 1024 } }",
        "   * &lt;- { \"return\": {} }",
        "   * </pre>",
        "   *",
        "   * @param value the target, in bytes",
        "   * @param force even if it is busy",
        "   * @throws DeviceNotActive if there is no balloon",
        "   * @since 0.14",
        "   * @deprecated use something else",
        "   */",
        "  @Deprecated",
        "  @Command",
        "  void balloon(long value, @Optional Boolean force);",
        "",
        "  /** @return what it is */",
        "  @Command",
        "  Info info();",
        "}",
        ""));
    Files.writeString(p.resolve("Info.java"), String.join("\n",
        "package p;",
        "",
        "/**",
        " * What a VM is.",
        " *",
        " * @param state its <em>state</em>",
        " */",
        "public record Info(State state) {}",
        ""));
    Files.writeString(p.resolve("State.java"), String.join("\n",
        "package p;",
        "",
        "/** A state. */",
        "public enum State {",
        "  /** It runs &amp; runs. */",
        "  RUNNING,",
        "  PAUSED",
        "}",
        ""));
    JavaSchemaDoc.Result r = JavaSchemaDoc.read(List.of(src), System.getProperty("java.class.path"), "p.Vm");
    assertEquals(List.of(), r.errors());
    SchemaDoc doc = r.doc();
    assertEquals(List.of(
            new ModuleDoc("Vm", List.of(new ModuleDoc.Text("The machine's commands."),
                new ModuleDoc.Definition("balloon"), new ModuleDoc.Definition("info"))),
            new ModuleDoc("Types", List.of(new ModuleDoc.Definition("Info"), new ModuleDoc.Definition("State")))),
        doc.modules());
    DefinitionDoc balloon = doc.of("balloon").orElseThrow();
    assertEquals("Sets the `balloon` target; see @Info and `Vm.info`.\n\nAsynchronous.", balloon.body());
    assertEquals(Map.of("value", "the target, in bytes", "force", "even if it is busy"), balloon.members());
    assertEquals(Map.of("deprecated", "use something else"), balloon.features());
    assertEquals(List.of(
            new DefinitionDoc.Section("Errors", "`DeviceNotActive`: if there is no balloon"),
            new DefinitionDoc.Section("Example",
                "-> { \"execute\": \"balloon\", \"arguments\": { \"value\": 1024 } }\n<- { \"return\": {} }"),
            new DefinitionDoc.Section("Since", "0.14")),
        balloon.sections());
    assertEquals(List.of(new DefinitionDoc.Section("Returns", "what it is")), doc.of("info").orElseThrow().sections());
    assertEquals(Map.of("state", "its *state*"), doc.of("Info").orElseThrow().members());
    assertEquals("What a VM is.", doc.of("Info").orElseThrow().body());
    assertEquals(Map.of("running", "It runs & runs."), doc.of("State").orElseThrow().members());
  }

  /** What is wrong in the Javadoc is said, as the compiler says it, and the rest is read. */
  @Test
  void javadocErrorsAreSaid(@TempDir Path src) throws IOException {
    Path p = Files.createDirectories(src.resolve("p"));
    Files.writeString(p.resolve("Vm.java"), String.join("\n",
        "package p;",
        "",
        "import org.qapi4j.annotations.Command;",
        "import org.qapi4j.annotations.Schema;",
        "",
        "@Schema(value = \"vm\", docRequired = true)",
        "public interface Vm {",
        "  /**",
        "   * Stops.",
        "   *",
        "   * @param how how",
        "   * @param how again",
        "   * @param why not a parameter",
        "   */",
        "  @Command",
        "  void stop(String how);",
        "",
        "  /** @return what it is */",
        "  record Info(long size) {}",
        "",
        "  @Command",
        "  Info info();",
        "}",
        ""));
    JavaSchemaDoc.Result r = JavaSchemaDoc.read(List.of(src), System.getProperty("java.class.path"), "p.Vm");
    assertEquals(List.of(
            "'how' parameter name duplicated",
            "documented member 'why' does not exist",
            "documentation comment required",
            "'@return' is only valid for commands"),
        r.errors());
    assertEquals("Stops.", r.doc().of("stop").orElseThrow().body());
  }

  @Test
  void aMissingRootIsSaid(@TempDir Path src) {
    JavaSchemaDoc.Result r = JavaSchemaDoc.read(List.of(src), System.getProperty("java.class.path"), "p.Nope");
    assertEquals(List.of("no source file of p.Nope in the source path [" + src + "]"), r.errors());
  }
}
