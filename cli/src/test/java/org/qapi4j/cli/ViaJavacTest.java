package org.qapi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qapi4j.model.introspect.DefinedSymbols;
import org.qapi4j.qapijson.JavaWriter;
import org.qapi4j.qapijson.QapiSchemaReader;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.json.QmpJson;
import org.qapi4j.testsupport.Peers;
import tools.jackson.core.JsonParser;
import org.qapi4j.runtime.json.QDictOrder;

/**
 * The Java path: QAPI JSON imported to Java and compiled with javac and the processor gives the
 * same schema as the JSON path — QEMU's whole schema introspects byte for byte alike, and every
 * QEMU schema case is accepted or rejected as by {@code qapi4j check}.
 */
class ViaJavacTest {
  @Test
  void importedQemuSchemaCompilesAndIntrospectsAsQemu(@TempDir Path scratch) throws IOException {
    QapiSchemaReader.Result read = QapiSchemaReader.read(Peers.qemuSource("qapi"), "qapi-schema.json");
    Map<String, String> files = JavaWriter.write(read.schema().orElseThrow(), read.docsByDefinition(), "org.qemu.qapi");
    String reply = Peers.queryQmpSchema();
    DefinedSymbols.Inference defined = DefinedSymbols.inferredFrom(read.schema().orElseThrow(), reply, QDictOrder::of);
    assertEquals(0, defined.partsDiffering());
    ViaJavac.Result compiled = ViaJavac.compile(files, defined.defined(), scratch);
    assertEquals("", String.join("\n", compiled.errors()));
    String introspection =
        Files.readString(compiled.output().resolve("org/qemu/qapi/QapiSchema.qmp-schema.json"));
    assertEquals(reply, introspection.strip());

    // HotSpot never compiles a method of more than 8,000 bytes of bytecode (-XX:HugeMethodLimit):
    // on QEMU's schema, a switch over all types or a union with many branches would run interpreted.
    // Static initializers run once and are exempt.
    Map<String, Integer> huge = MethodSizes.under(compiled.output()).entrySet().stream()
        .filter(e -> e.getValue() > 8000 && !e.getKey().endsWith(".<clinit>"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertEquals(Map.of(), huge);
    assertTrue(MethodSizes.under(compiled.output()).get("org.qemu.qapi.QapiSchema_Marshal$Types.read0") > 1000,
        "the type switch is split into methods read0, read1, ...");

    // The marshalling class reads the types commands take and writes those they return and events
    // carry: every type the dispatch table's argument tables name has a reader, every type the
    // emitters' tables name has a writer.
    Path gen = scratch.resolve("generated/org/qemu/qapi");
    String marshal = Files.readString(gen.resolve("QapiSchema_Marshal.java"));
    Set<String> reads = matches(marshal, "case (\\d+) -> (?:\\w+\\.)?read\\w*\\(p, ");
    Set<String> writes = matches(marshal, "case (\\d+) -> (?:\\w+\\.)?write\\w*\\(out, ");
    assertTrue(reads.size() > 300 && writes.size() > 200, reads.size() + " read, " + writes.size() + " written");
    Set<String> named = tableTypes(Files.readString(gen.resolve("QapiSchema_Dispatch.java")));
    assertTrue(named.size() > 20, named.toString());
    for (String n : named) {
      assertTrue(reads.contains(n), "no reader for type " + n);
    }
    Set<String> emitted = new java.util.TreeSet<>();
    try (var listing = Files.list(gen)) {
      for (Path f : listing.filter(f -> f.toString().endsWith("_Emitter.java")).toList()) {
        emitted.addAll(tableTypes(Files.readString(f)));
      }
    }
    assertTrue(emitted.size() > 10, emitted.toString());
    for (String n : emitted) {
      assertTrue(writes.contains(n), "no writer for type " + n);
    }
    // And so on down: each table of the marshalling class that a reader uses names types that have
    // a reader, each table a writer uses types that have a writer.
    java.util.regex.Matcher field = java.util.regex.Pattern
        .compile("(\\w+) = new [\\w.]*ObjectType\\(TYPES, \"[^\"]*\", \"([^\"]*)\"").matcher(marshal);
    int tables = 0;
    while (field.find()) {
      tables++;
      Set<String> inside = matches(field.group(2), ":\\[*(\\d+)");
      if (marshal.contains(field.group(1) + ".read")) {
        assertTrue(reads.containsAll(inside), field.group(1) + " reads " + inside);
      }
      if (marshal.contains(field.group(1) + ".write")) {
        assertTrue(writes.containsAll(inside), field.group(1) + " writes " + inside);
      }
    }
    assertTrue(tables > 500, tables + " tables");
    // BlockdevOptions only goes in (blockdev-add), BlockInfo only out (query-block), so each has
    // one way; SchemaInfo (query-qmp-schema) only out.
    assertTrue(marshal.contains(" readBlockdevOptions(") && !marshal.contains(" writeBlockdevOptions("));
    assertTrue(marshal.contains(" writeBlockInfo(") && !marshal.contains(" readBlockInfo("));
    assertTrue(marshal.contains(" writeSchemaInfo(") && !marshal.contains(" readSchemaInfo("));
  }

  /** The first group of each match. */
  private static Set<String> matches(String text, String regex) {
    Set<String> found = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** The numbers of the named types in the member tables of a generated class. */
  private static Set<String> tableTypes(String source) {
    Set<String> numbers = new java.util.TreeSet<>();
    java.util.regex.Matcher table =
        java.util.regex.Pattern.compile("new ObjectType\\([\\w.]+, \"[^\"]*\", \"([^\"]*)\"").matcher(source);
    while (table.find()) {
      java.util.regex.Matcher type = java.util.regex.Pattern.compile(":\\[*(\\d+)").matcher(table.group(1));
      while (type.find()) {
        numbers.add(type.group(1));
      }
    }
    return numbers;
  }

  /** QEMU's predefined QType: known to both paths, imported as org.qapi4j.runtime.QType. */
  @Test
  void predefinedQTypeThroughBothPaths(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("q.json"), "{ 'pragma': { 'command-returns-exceptions': [ 'type-of' ] } }\n{ 'command': 'type-of', 'data': { 't': 'QType' }, 'returns': ['QType'] }\n");
    QapiSchemaReader.Result read = QapiSchemaReader.read(dir, "q.json");
    assertEquals("", String.join("\n", read.errors()));
    String json = org.qapi4j.model.introspect.SchemaInfo.render(read.schema().orElseThrow(), true, Set.of(), QDictOrder::of);
    assertEquals("[{\"name\": \"type-of\", \"ret-type\": \"[QType]\", \"meta-type\": \"command\", "
        + "\"arg-type\": \"q_obj_type-of-arg\"}, {\"name\": \"q_obj_type-of-arg\", \"members\": "
        + "[{\"name\": \"t\", \"type\": \"QType\"}], \"meta-type\": \"object\"}, {\"name\": \"[QType]\", "
        + "\"element-type\": \"QType\", \"meta-type\": \"array\"}, {\"name\": \"QType\", \"members\": [{\"name\": \"none\"}, "
        + "{\"name\": \"qnull\"}, {\"name\": \"qnum\"}, {\"name\": \"qstring\"}, {\"name\": \"qdict\"}, "
        + "{\"name\": \"qlist\"}, {\"name\": \"qbool\"}], \"meta-type\": \"enum\", "
        + "\"values\": [\"none\", \"qnull\", \"qnum\", \"qstring\", \"qdict\", \"qlist\", \"qbool\"]}]", json);
    Map<String, String> files = JavaWriter.write(read.schema().get(), read.docsByDefinition(), "p");
    ViaJavac.Result compiled = ViaJavac.compile(files, Set.of(), dir.resolve("scratch"));
    assertEquals("", String.join("\n", compiled.errors()));
  }

  /**
   * A configuration can leave a union without any branch (QEMU's doc-good case with no symbols):
   * the generated reader still compiles, and refuses every tag value.
   */
  @Test
  void unionWithNoBranchInThisConfiguration(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("u.json"), String.join("\n",
        "{ 'enum': 'Kind', 'data': [ { 'name': 'a', 'if': 'HAVE_A' }, 'b' ] }",
        "{ 'struct': 'Base', 'data': { 'kind': 'Kind' } }",
        "{ 'struct': 'Apple', 'data': { 'x': 'int' } }",
        "{ 'struct': 'Berry', 'data': { 'y': 'str' } }",
        "{ 'union': 'Fruit', 'base': 'Base', 'discriminator': 'kind',",
        "  'data': { 'a': 'Apple', 'b': { 'type': 'Berry', 'if': 'HAVE_B' } } }",
        "{ 'command': 'take', 'data': { 'fruit': 'Fruit' } }", ""));
    QapiSchemaReader.Result read = QapiSchemaReader.read(dir, "u.json");
    assertEquals("", String.join("\n", read.errors()));
    Map<String, String> files = JavaWriter.write(read.schema().orElseThrow(), read.docsByDefinition(), "p");
    for (Set<String> defined : List.of(Set.<String>of(), Set.of("HAVE_A"), Set.of("HAVE_A", "HAVE_B"))) {
      Path scratch = dir.resolve("scratch-" + String.join("-", new java.util.TreeSet<>(defined)));
      ViaJavac.Result compiled = ViaJavac.compile(files, defined, scratch);
      assertEquals("", String.join("\n", compiled.errors()), defined.toString());
      try (URLClassLoader loader = new URLClassLoader(new URL[] {compiled.output().toUri().toURL()},
          getClass().getClassLoader())) {
        Method readFruit =
            loader.loadClass("p.USchema_Marshal").getMethod("readFruit", JsonParser.class, String.class);
        String wire = "{\"kind\": \"b\", \"y\": \"s\"}";
        JsonParser p = QmpJson.parser(wire.getBytes(StandardCharsets.UTF_8), 0, wire.length());
        p.nextToken();
        if (defined.contains("HAVE_B")) {
          assertEquals("p.Fruit$B", readFruit.invoke(null, p, "fruit").getClass().getName());
        } else {
          InvocationTargetException e = assertThrows(InvocationTargetException.class,
              () -> readFruit.invoke(null, p, "fruit"));
          assertEquals("Parameter 'kind' does not accept value 'b'", ((QmpError) e.getCause()).desc());
        }
      }
    }
  }

  static Stream<String> cases() {
    return Peers.qemuSchemaCases();
  }


  /**
   * Each case: accepted through javac iff the JSON front end accepts it; if rejected, never at a
   * line of the Java, and at the place (file, line and QEMU's context lines) of the first error
   * QEMU reports for it, among others maybe.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseThroughJavacAsThroughCheck(String name) throws IOException {
    Path cases = Peers.qemuSource(Peers.SCHEMA_CASES);
    String qemu = Files.readString(cases.resolve(name + ".err"));
    boolean valid = qemu.isEmpty();
    Checked viaJavac = check(cases, "--via-javac", name + ".json");
    if (valid) {
      assertEquals(0, viaJavac.status(), viaJavac.errors());
      assertEquals("", viaJavac.errors());
    } else {
      assertEquals(1, viaJavac.status(), viaJavac.errors());
      assertTrue(!JAVA_POSITION.matcher(viaJavac.errors()).find(), viaJavac.errors());
      List<String> qemuPlaces = places(qemu);
      assertTrue(!qemuPlaces.isEmpty(), qemu);
      assertTrue(places(viaJavac.errors()).contains(qemuPlaces.get(0)),
          "QEMU reports at\n" + qemuPlaces.get(0) + "\nbut through javac:\n" + viaJavac.errors());
    }
  }

  /** A file and line of the Java, as javac names them. */
  private static final java.util.regex.Pattern JAVA_POSITION = java.util.regex.Pattern.compile("\\.java:\\d+");

  private static final java.util.regex.Pattern CONTEXT =
      java.util.regex.Pattern.compile("In file included from .*:|[^:]+: In \\w+ '.*':");
  private static final java.util.regex.Pattern LOCATED = java.util.regex.Pattern.compile("([^ :]+:\\d+(?::\\d+)?): .*");

  /**
   * Where each error of a report is: its context lines ({@code In file included from},
   * {@code FILE: In command 'x':}) and {@code FILE:LINE}, without the message.
   */
  static List<String> places(String report) {
    List<String> places = new java.util.ArrayList<>();
    List<String> context = new java.util.ArrayList<>();
    for (String line : report.split("\n")) {
      java.util.regex.Matcher located = LOCATED.matcher(line);
      if (CONTEXT.matcher(line).matches()) {
        context.add(line);
      } else if (located.matches()) {
        context.add(located.group(1));
        places.add(String.join("\n", context));
        context.clear();
      }
    }
    return places;
  }

  /** An exit status and what was printed on standard error. */
  record Checked(int status, String errors) {}

  static Checked check(Path cwd, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] command = new String[args.length + 1];
    command[0] = "check";
    System.arraycopy(args, 0, command, 1, args.length);
    int status = Main.run(command, cwd, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Checked(status, err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Cases whose errors the model's checks find (not only the JSON form can have them), so that
   * javac and the processor find them through the Java: the same text, word for word, as the JSON
   * path prints, and as QEMU does.
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "enum-clash-member", "union-optional-discriminator", "alternate-conflict-string", "struct-base-clash",
      "bad-base", "returns-alternate", "features-duplicate-name", "redefined-type", "base-cycle-indirect",
      "args-union", "args-alternate"})
  void throughJavacWordForWordAsThroughCheck(String name) throws IOException {
    Path cases = Peers.qemuSource(Peers.SCHEMA_CASES);
    QapiSchemaReader.Result read = QapiSchemaReader.read(cases, name + ".json");
    assertTrue(read.jsonOnlyErrors().isEmpty() && !read.schemaErrors().isEmpty(), read.errors().toString());
    Checked json = check(cases, name + ".json");
    Checked viaJavac = check(cases, "--via-javac", name + ".json");
    assertEquals(json, viaJavac);
    assertEquals(Files.readString(cases.resolve(name + ".err")), viaJavac.errors());
  }

  /**
   * javac's own errors (a type the schema does not define) are at the definition too, without the
   * Java's names; the processor's "could not resolve", which repeats them at the schema's root, is
   * left out.
   */
  @Test
  void javacsOwnErrorsAtTheDefinition() {
    Checked viaJavac = check(Peers.qemuSource(Peers.SCHEMA_CASES), "--via-javac", "args-member-unknown.json");
    assertEquals(new Checked(1, "args-member-unknown.json: In command 'oops':\n"
        + "args-member-unknown.json:2: cannot find symbol: class NoSuchType\n"), viaJavac);
  }

  /**
   * In an included file, an error comes with QEMU's "In file included from" line; errors come in
   * the order of the schema, an included file's where it is included, as through the JSON path.
   */
  @Test
  void includedFilesErrorsAsThroughCheck(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("main.json"), String.join("\n",
        "{ 'struct': 'Base', 'data': { 'name': 'str' } }",
        "{ 'struct': 'Sub', 'base': 'Base', 'data': { 'name': 'str' } }",
        "{ 'include': 'sub/inner.json' }",
        "{ 'alternate': 'Late', 'data': { 'one': 'str', 'two': 'bool' } }",
        "{ 'command': 'use', 'data': { 's': 'Sub', 'l': 'Late', 'i': 'Inner' } }", ""));
    Files.writeString(dir.resolve("sub/inner.json"), String.join("\n",
        "# An included file",
        "{ 'struct': 'Inner', 'data': { 'a': 'int' },",
        "  'features': [ 'f', 'f' ] }", ""));
    Checked json = check(dir, "main.json");
    assertEquals(new Checked(1, String.join("\n",
        "main.json: In struct 'Sub':",
        "main.json:2: member 'name' collides with member 'name' of type 'Base'",
        "In file included from main.json:3:",
        "sub/inner.json: In struct 'Inner':",
        "sub/inner.json:2: feature 'f' collides with feature 'f'",
        "main.json: In alternate 'Late':",
        "main.json:4: branch 'two' can't be distinguished from 'one'", "")), json);
    assertEquals(json, check(dir, "--via-javac", "main.json"));
  }

  /**
   * The importer's golden schema (qapi-json's, with every construct the importer writes) compiles
   * clean through javac and the processor, and introspects as through the JSON path, with none of
   * its 'if' symbols defined and with all of them.
   */
  @Test
  void goldenSchemaCompilesAndIntrospectsAsItsJson(@TempDir Path dir) throws IOException {
    Path input = Path.of("..", "qapi-json", "src", "test", "resources", "golden", "importer", "input");
    QapiSchemaReader.Result read = QapiSchemaReader.read(input, "golden.json");
    assertEquals("", String.join("\n", read.errors()));
    Map<String, String> files = JavaWriter.write(read.schema().orElseThrow(), read.docsByDefinition(), "p");
    Set<String> all = Set.of("CONFIG_COLOR", "CONFIG_GREEN", "CONFIG_X", "CONFIG_OLD", "CONFIG_A", "CONFIG_B",
        "CONFIG_C", "CONFIG_D", "CONFIG_SQUARE", "CONFIG_NULL", "CONFIG_CHOICE", "CONFIG_UNSTABLE",
        "CONFIG_RTC_OLD", "CONFIG_VSERPORT");
    for (Set<String> defined : List.of(Set.<String>of(), all)) {
      ViaJavac.Result compiled = ViaJavac.compile(files, defined, dir.resolve("scratch-" + defined.size()));
      assertEquals("", String.join("\n", compiled.errors()));
      String expected = org.qapi4j.model.introspect.SchemaInfo.render(
          org.qapi4j.model.introspect.ControlCommands.addTo(read.schema().get()), false, defined, QDictOrder::of);
      assertEquals(expected, Files.readString(compiled.output().resolve("p/GoldenSchema.qmp-schema.json")).strip());
    }
  }
}
