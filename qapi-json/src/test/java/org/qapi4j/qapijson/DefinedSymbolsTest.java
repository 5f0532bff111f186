package org.qapi4j.qapijson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.model.Schema;
import org.qapi4j.model.introspect.DefinedSymbols;
import org.qapi4j.model.introspect.SchemaInfo;
import org.qapi4j.runtime.json.QDictOrder;

/** A build's symbols told from its introspection, on a schema with every place a condition may sit. */
class DefinedSymbolsTest {
  private static Schema schema(Path dir) throws IOException {
    Files.writeString(dir.resolve("s.json"), String.join("\n",
        "{ 'enum': 'Kind', 'data': [ 'plain', { 'name': 'fancy', 'if': 'CONFIG_FANCY' } ] }",
        "{ 'struct': 'Info', 'data': { 'kind': 'Kind',",
        "  '*gl': { 'type': 'str', 'if': { 'all': [ 'CONFIG_OPENGL', 'CONFIG_GBM' ] } } } }",
        "{ 'command': 'query-info', 'returns': 'Info' }",
        "{ 'command': 'query-gbm', 'if': 'CONFIG_GBM' }",
        "{ 'command': 'query-s390', 'if': { 'any': [ 'TARGET_S390X', 'TARGET_PPC' ] } }",
        "{ 'event': 'NOT_ON_WINDOWS', 'if': { 'not': 'CONFIG_WIN32' } }",
        "{ 'command': 'query-unused', 'if': 'CONFIG_NOTHING', 'data': { 'x': { 'type': 'int', 'if': 'CONFIG_NOTHING' } } }"));
    QapiSchemaReader.Result r = QapiSchemaReader.read(dir, "s.json");
    assertEquals("", String.join("\n", r.errors()));
    return r.schema().orElseThrow();
  }

  @Test
  void symbolsOfABuildAreToldFromItsReply(@TempDir Path dir) throws IOException {
    Schema schema = schema(dir);
    for (Set<String> build : List.of(
        Set.<String>of(),
        Set.of("CONFIG_FANCY"),
        Set.of("CONFIG_GBM", "CONFIG_OPENGL", "TARGET_PPC"),
        Set.of("CONFIG_WIN32", "CONFIG_FANCY", "TARGET_PPC"))) {
      String reply = SchemaInfo.render(schema, false, build, QDictOrder::of);
      DefinedSymbols.Inference inferred = DefinedSymbols.inferredFrom(schema, reply, QDictOrder::of);
      assertEquals(0, inferred.partsDiffering(), build.toString());
      assertEquals(build, inferred.defined());
    }
  }

  /**
   * What the reply cannot tell: a symbol that changes nothing on its own, or nothing at all, stays
   * undefined; of two that change the same ({@code any}), the first in name order is taken.
   */
  @Test
  void whatTheReplyCannotTellIsChosenPlainly(@TempDir Path dir) throws IOException {
    Schema schema = schema(dir);
    String reply = SchemaInfo.render(schema, false, Set.of("CONFIG_OPENGL", "CONFIG_NOTHING_ELSE"), QDictOrder::of);
    assertEquals(new DefinedSymbols.Inference(Set.of(), 0), DefinedSymbols.inferredFrom(schema, reply, QDictOrder::of));
    reply = SchemaInfo.render(schema, false, Set.of("TARGET_S390X"), QDictOrder::of);
    assertEquals(new DefinedSymbols.Inference(Set.of("TARGET_PPC"), 0), DefinedSymbols.inferredFrom(schema, reply, QDictOrder::of));
  }

  /** A reply the schema cannot give: the entries no choice explains are counted. */
  @Test
  void aReplyOfAnotherSchemaIsCounted(@TempDir Path dir) throws IOException {
    Schema schema = schema(dir);
    String reply = SchemaInfo.render(schema, false, Set.of(), QDictOrder::of).replace("query-info", "query-other");
    assertEquals(2, DefinedSymbols.inferredFrom(schema, reply, QDictOrder::of).partsDiffering());
  }
}
