package org.qapi4j.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qapi4j.runtime.json.JsonValue.JsonObject;
import org.qapi4j.runtime.probe.PathResult.Status;

/** libvirt's query paths, every operator, on a small hand-written reply (small-schema.json). */
class IntrospectedSchemaTest {
  static final String SMALL = read("small-schema.json");
  private static final IntrospectedSchema SCHEMA = IntrospectedSchema.parse(SMALL);

  static String read(String name) {
    try (InputStream in = IntrospectedSchemaTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      blockdev-add                                          | FOUND
      nosuch                                                | NOT_FOUND
      blockdev-add/arg-type                                 | FOUND
      blockdev-add/ret-type                                 | FOUND
      blockdev-add/name                                     | FOUND
      blockdev-add/meta-type                                | MALFORMED_SCHEMA
      blockdev-add/nosuch                                   | NOT_FOUND
      blockdev-add/$unstable                                | FOUND
      blockdev-add/$deprecated                              | NOT_FOUND
      blockdev-add/$unstable/x                              | MALFORMED_QUERY
      blockdev-add/*arg-type                                | NOT_FOUND
      blockdev-add/+arg-type                                | NOT_FOUND
      blockdev-add/^arg-type                                | NOT_FOUND
      blockdev-add/!arg-type                                | NOT_FOUND
      blockdev-add/ arg-type                                | FOUND
      blockdev-add/arg-type/driver                          | FOUND
      blockdev-add/arg-type/nosuch                          | NOT_FOUND
      blockdev-add/arg-type/node-name                       | FOUND
      blockdev-add/arg-type/*node-name                      | FOUND
      blockdev-add/arg-type/*driver                         | NOT_FOUND
      blockdev-add/arg-type/*nosuch                         | NOT_FOUND
      blockdev-add/arg-type/*cache/direct                   | FOUND
      blockdev-add/arg-type/*cache/*direct                  | FOUND
      blockdev-add/arg-type/$dynamic                        | FOUND
      blockdev-add/arg-type/$static                         | NOT_FOUND
      blockdev-add/arg-type/$dynamic/x                      | MALFORMED_QUERY
      blockdev-add/arg-type/^file                           | NOT_FOUND
      blockdev-add/arg-type/!string                         | NOT_FOUND
      blockdev-add/arg-type/ 9lives                         | FOUND
      blockdev-add/arg-type/9lives                          | NOT_FOUND
      blockdev-add/arg-type/+file                           | FOUND
      blockdev-add/arg-type/+nosuch                         | NOT_FOUND
      blockdev-add/arg-type/+file/filename                  | FOUND
      blockdev-add/arg-type/+file/filename/!string          | FOUND
      blockdev-add/arg-type/+file/filename/!int             | NOT_FOUND
      blockdev-add/arg-type/+file/filename/!string/x        | MALFORMED_QUERY
      blockdev-add/arg-type/+file/filename/x                | NOT_FOUND
      blockdev-add/arg-type/+file/filename/^x               | NOT_FOUND
      blockdev-add/arg-type/+file/aio/^native               | FOUND
      blockdev-add/arg-type/+file/aio/^io_uring             | NOT_FOUND
      blockdev-add/arg-type/+file/aio/^native/$deprecated   | NOT_FOUND
      blockdev-add/arg-type/+file/aio/native                | NOT_FOUND
      blockdev-add/arg-type/driver/^raw                     | FOUND
      blockdev-add/arg-type/driver/^qcow2                   | NOT_FOUND
      blockdev-add/arg-type/driver/^raw/$deprecated         | FOUND
      blockdev-add/arg-type/driver/^file/$deprecated        | NOT_FOUND
      blockdev-add/arg-type/driver/^raw/deprecated          | MALFORMED_QUERY
      blockdev-add/arg-type/driver/^raw/$deprecated/x       | MALFORMED_QUERY
      blockdev-add/arg-type/+raw/filename                   | NOT_FOUND
      blockdev-add/arg-type/+file/size/!int                 | FOUND
      blockdev-add/arg-type/+file/size/!string              | NOT_FOUND
      blockdev-add/arg-type/+file/size/^raw                 | FOUND
      blockdev-add/arg-type/+file/size/direct               | FOUND
      blockdev-add/arg-type/+file/size/*direct              | FOUND
      blockdev-add/arg-type/+file/size/guest                | NOT_FOUND
      query-things/ret-type                                 | FOUND
      query-things/ret-type/name                            | FOUND
      query-things/ret-type/*next                           | FOUND
      query-things/ret-type/next/next/name/!string          | FOUND
      SHUTDOWN/arg-type/reason/^raw                         | FOUND
      SHUTDOWN/arg-type/guest/!boolean                      | FOUND
      SHUTDOWN/ret-type                                     | NOT_FOUND
      broken/arg-type                                       | MALFORMED_SCHEMA
      broken/ret-type                                       | FOUND
      int/!int                                              | FOUND
      weird/!string                                         | MALFORMED_SCHEMA
      odd/x                                                 | NOT_FOUND
      blockdev-add//arg-type                                | MALFORMED_QUERY
      blockdev-add/                                         | MALFORMED_QUERY
      """)
  void paths(String path, Status expected) {
    PathResult r = SCHEMA.query(path);
    assertEquals(expected, r.status(), path);
    assertEquals(expected == Status.FOUND, SCHEMA.exists(path));
    if (expected == Status.MALFORMED_QUERY || expected == Status.MALFORMED_SCHEMA) {
      assertThrows(IllegalArgumentException.class, () -> SCHEMA.get(path));
    }
  }

  /** get: the entry reached by a type query; nothing for a terminal, true or not. */
  @Test
  void getReturnsTheEntryReached() {
    assertEquals("blockdev-add", name(SCHEMA.get("blockdev-add")));
    assertEquals("1", name(SCHEMA.get("blockdev-add/arg-type")));
    assertEquals("2", name(SCHEMA.get("blockdev-add/arg-type/driver")));
    assertEquals("6", name(SCHEMA.get("blockdev-add/arg-type/+file")));
    assertEquals("7", name(SCHEMA.get("blockdev-add/arg-type/+file/aio")));
    assertEquals("[3]", name(SCHEMA.get("query-things/ret-type"))); // a path ending on an array stops there
    assertEquals("str", name(SCHEMA.get("query-things/ret-type/name"))); // else it is flattened
    assertEquals("blockdev-add", name(SCHEMA.get("blockdev-add/name"))); // any string member of a command
    assertEquals("bool", name(SCHEMA.get("blockdev-add/arg-type/+file/size/direct"))); // through the alternate
    assertEquals("8", name(SCHEMA.get("blockdev-add/arg-type/+file/size")));
    assertEquals(Optional.empty(), SCHEMA.get("blockdev-add/arg-type/driver/^raw")); // terminal: yes, no entry
    assertTrue(SCHEMA.exists("blockdev-add/arg-type/driver/^raw"));
    assertEquals(Optional.empty(), SCHEMA.get("blockdev-add/$unstable"));
    assertEquals(Optional.empty(), SCHEMA.get("nosuch/arg-type"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SCHEMA.get("blockdev-add/$unstable/x"));
    assertEquals("terminal QAPI query component '$unstable' of 'blockdev-add/$unstable/x' must not have followers (or is empty)",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> SCHEMA.get("broken/arg-type"));
    assertEquals("malformed QAPI schema when querying 'arg-type' of 'broken/arg-type'", e.getMessage());
  }

  /** libvirt's "possible loop in QMP schema": more than 1000 types deep is a malformed schema. */
  @Test
  void nestingOverAThousand() {
    // query-things, [3], 3, then [3] and 3 again for each "next": 3 + 2n traversals
    assertEquals(Status.FOUND, SCHEMA.query("query-things/ret-type" + "/next".repeat(499)).status());
    assertEquals(Status.MALFORMED_SCHEMA, SCHEMA.query("query-things/ret-type" + "/next".repeat(500)).status());
  }

  @Test
  void entriesCommandsEvents() {
    assertEquals(List.of("blockdev-add", "query-things", "broken"), SCHEMA.commands());
    assertEquals(List.of("SHUTDOWN"), SCHEMA.events());
    assertEquals(19, SCHEMA.entries().size());
    assertEquals("builtin", IntrospectedSchema.string(SCHEMA.entry("str"), "meta-type"));
    assertThrows(IllegalArgumentException.class, () -> IntrospectedSchema.parse("{}"));
    assertThrows(IllegalArgumentException.class, () -> IntrospectedSchema.parse("[{\"meta-type\": \"object\"}]"));
    assertEquals(3, IntrospectedSchema.parse(SMALL.getBytes(java.nio.charset.StandardCharsets.UTF_8)).commands().size());
  }

  /** Every path the schema answers true, each of them answered true; recursive types stop. */
  @Test
  void everyPath() {
    Set<String> paths = SCHEMA.paths();
    assertTrue(paths.containsAll(List.of(
        "blockdev-add", "blockdev-add/$unstable", "blockdev-add/arg-type/$dynamic",
        "blockdev-add/arg-type/driver", "blockdev-add/arg-type/driver/^raw/$deprecated",
        "blockdev-add/arg-type/ 9lives/!int", "blockdev-add/arg-type/+file/aio/^native",
        "blockdev-add/arg-type/+file/size/!int", "blockdev-add/arg-type/+file/size/^file",
        "blockdev-add/arg-type/+file/size/direct/!boolean", "blockdev-add/arg-type/+raw",
        "query-things/ret-type/next", "query-things/ret-type/name/!string",
        "SHUTDOWN/arg-type/reason/^file")), paths.toString());
    assertFalse(paths.contains("query-things/ret-type/next/next"), "a recursive type is expanded once");
    for (String p : paths) {
      if (!p.startsWith("broken")) {
        assertTrue(SCHEMA.exists(p), p);
      }
    }
    assertEquals(40, paths.size(), paths.toString());
  }

  private static String name(Optional<JsonObject> entry) {
    return IntrospectedSchema.string(entry.orElseThrow(), "name");
  }
}
