package org.qapi4j.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package graph of small compiled modules: the uses it finds, and the cycles it reports. */
class PackageGraphTest {
  @TempDir Path dir;

  private Path compile(String... sources) throws IOException {
    Path src = dir.resolve("src");
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
    for (int i = 0; i < sources.length; i += 2) {
      Path file = src.resolve(sources[i]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, sources[i + 1]);
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)));
    return classes;
  }

  @Test
  void aHierarchyHasNoCycle() throws IOException {
    PackageGraph graph = PackageGraph.of(compile(
        "a/A.java", "package a; public class A { public b.B b; }",
        "b/B.java", "package b; public class B { public static java.util.List<c.C> cs() { return null; } }",
        "c/C.java", "package c; public class C {}"));
    assertEquals(Set.of("a", "b", "c"), graph.packages());
    assertEquals(Set.of("b"), graph.uses("a"));
    assertEquals(Set.of("c"), graph.uses("b"));
    assertEquals(List.of(), graph.cycles());
  }

  @Test
  void aCycleIsReportedWithTheClassesThatMakeIt() throws IOException {
    PackageGraph graph = PackageGraph.of(compile(
        "a/A.java", "package a; public class A { public static Object make() { return new b.B(); } }",
        "b/B.java", "package b; public class B { public static class Inner { a.A[] as; } }",
        "c/C.java", "package c; public class C { a.A a; }"));
    assertEquals(
        List.of("packages [a, b] use each other:\n  a -> b: a.A -> b.B\n  b -> a: b.B -> a.A"),
        graph.cycles());
  }

  @Test
  void anAnnotationOrAGenericSignatureIsAUse() throws IOException {
    PackageGraph graph = PackageGraph.of(compile(
        "a/Note.java", "package a; @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)"
            + " public @interface Note {}",
        "b/B.java", "package b; @a.Note public class B {}",
        "c/C.java", "package c; public class C { java.util.Map<String, java.util.List<d.D>> ds; }",
        "d/D.java", "package d; public class D {}"));
    assertEquals(Set.of("a"), graph.uses("b"));
    assertEquals(Set.of("d"), graph.uses("c"));
  }
}
