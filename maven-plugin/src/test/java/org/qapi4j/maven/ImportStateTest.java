package org.qapi4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The up-to-date check: what makes an import run again, and what does not. */
class ImportStateTest {
  @TempDir Path dir;
  Path out;
  Path stateFile;

  @BeforeEach
  void schema() throws IOException {
    Files.createDirectories(dir.resolve("qapi/sub"));
    Files.writeString(dir.resolve("qapi/main.json"), "{ 'include': 'sub/inc.json' }\n");
    Files.writeString(dir.resolve("qapi/sub/inc.json"), "{ 'command': 'x' }\n");
    out = dir.resolve("target/generated-sources/qapi4j");
    Files.createDirectories(out.resolve("p"));
    Files.writeString(out.resolve("p/Root.java"), "package p;\n");
    stateFile = dir.resolve("target/qapi4j/default.state");
    ImportState.of("package=p", dir, List.of("qapi/main.json", "qapi/sub/inc.json"), List.of("p/Root.java"))
        .write(stateFile);
  }

  private Optional<String> staleness(String config) throws IOException {
    return ImportState.read(stateFile).orElseThrow().staleness(config, dir, out);
  }

  @Test
  void unchangedInputsAreUpToDate() throws IOException {
    assertEquals(Optional.empty(), staleness("package=p"));
    // A new timestamp with the same content (a checkout, a copy) is no change.
    Files.setLastModifiedTime(dir.resolve("qapi/sub/inc.json"), FileTime.fromMillis(0));
    assertEquals(Optional.empty(), staleness("package=p"));
  }

  @Test
  void roundTrips() throws IOException {
    ImportState s = ImportState.read(stateFile).orElseThrow();
    assertEquals("package=p", s.config());
    assertEquals(List.of("qapi/main.json", "qapi/sub/inc.json"), List.copyOf(s.inputs().keySet()));
    assertEquals(List.of("p/Root.java"), s.outputs());
    assertEquals(ImportState.sha256(dir.resolve("qapi/main.json")), s.inputs().get("qapi/main.json"));
  }

  @Test
  void anIncludedFileEditedIsStale() throws IOException {
    Files.writeString(dir.resolve("qapi/sub/inc.json"), "{ 'command': 'y' }\n");
    assertEquals(Optional.of("qapi/sub/inc.json changed"), staleness("package=p"));
  }

  @Test
  void anInputGoneIsStale() throws IOException {
    Files.delete(dir.resolve("qapi/sub/inc.json"));
    assertEquals(Optional.of("qapi/sub/inc.json is gone"), staleness("package=p"));
  }

  @Test
  void anOutputGoneIsStale() throws IOException {
    Files.delete(out.resolve("p/Root.java"));
    assertTrue(staleness("package=p").orElseThrow().startsWith("p/Root.java is missing"));
  }

  @Test
  void anotherConfigurationIsStale() throws IOException {
    assertEquals(Optional.of("the configuration changed"), staleness("package=q"));
  }

  @Test
  void noOrBrokenStateIsNoState() throws IOException {
    assertEquals(Optional.empty(), ImportState.read(dir.resolve("nothing.state")));
    Files.writeString(stateFile, "garbage\n");
    assertEquals(Optional.empty(), ImportState.read(stateFile));
  }

  @Test
  void schemaNamesAreRelativeToTheProjectInsideIt() {
    Path base = Path.of("/home/u/project");
    assertEquals("src/main/qapi/s.json", ImportMojo.schemaName(base, base.resolve("src/main/qapi/s.json")));
    assertEquals("/elsewhere/s.json", ImportMojo.schemaName(base, Path.of("/elsewhere/s.json")));
  }
}
