package org.qapi4j.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Comparing two replies: the small hand-written one against edited copies of itself. */
class SchemaDifferenceTest {
  private static final IntrospectedSchema CLIENT = IntrospectedSchema.parse(IntrospectedSchemaTest.SMALL);

  private static IntrospectedSchema edited(String... replacements) {
    String text = IntrospectedSchemaTest.SMALL;
    for (int i = 0; i < replacements.length; i += 2) {
      if (!text.contains(replacements[i])) {
        throw new AssertionError("not in the schema: " + replacements[i]);
      }
      text = text.replace(replacements[i], replacements[i + 1]);
    }
    return IntrospectedSchema.parse(text);
  }

  @Test
  void itselfNothing() {
    SchemaDifference d = SchemaDifference.compare(CLIENT, CLIENT);
    assertTrue(d.isEmpty(), d.toString());
  }

  /** Type names differ (QEMU numbers them per build): only the structure counts. */
  @Test
  void renumberedTypesNothing() {
    IntrospectedSchema renumbered = edited("\"6\"", "\"66\"", "\"[3]\"", "\"[30]\"", "\"3\"", "\"30\"");
    assertTrue(SchemaDifference.compare(CLIENT, renumbered).isEmpty());
  }

  @Test
  void whatTheServerLacksAndHas() {
    IntrospectedSchema server = edited(
        // no query-things: its members are not listed again
        "{\"name\": \"query-things\", \"meta-type\": \"command\", \"arg-type\": \"0\", \"ret-type\": \"[3]\"},",
        "{\"name\": \"query-other\", \"meta-type\": \"command\", \"arg-type\": \"0\", \"ret-type\": \"0\"},"
            + "{\"name\": \"RESET\", \"meta-type\": \"event\", \"arg-type\": \"0\"},",
        // an enum value less in "7", one more in "2"
        "[\"threads\", \"native\"]", "[\"threads\"]",
        "{\"name\": \"raw\", \"features\": [\"deprecated\"]}]", "{\"name\": \"raw\"}, {\"name\": \"qcow2\"}]",
        // a member less (and so its own members), a variant less, a member's type changed
        "{\"name\": \"cache\", \"type\": \"5\", \"default\": null},", "",
        "{\"case\": \"raw\", \"type\": \"0\"}", "{\"case\": \"null\", \"type\": \"0\"}",
        "{\"name\": \"filename\", \"type\": \"str\"}", "{\"name\": \"filename\", \"type\": \"int\"}",
        // a feature less on the command, one more on the object
        "\"features\": [\"unstable\"]", "\"features\": []",
        "\"features\": [\"dynamic\"]", "\"features\": [\"dynamic\", \"static\"]");
    SchemaDifference d = SchemaDifference.compare(CLIENT, server);
    assertEquals(List.of("query-things"), d.missing().commands());
    assertEquals(List.of(), d.missing().events());
    assertEquals(List.of("blockdev-add/arg-type/+file/filename/!string", "blockdev-add/arg-type/+raw",
        "blockdev-add/arg-type/cache"), d.missing().members());
    assertEquals(List.of("blockdev-add/arg-type/+file/aio/^native"), d.missing().enumValues());
    assertEquals(List.of("SHUTDOWN/arg-type/reason/^raw/$deprecated", "blockdev-add/$unstable",
        "blockdev-add/arg-type/+file/size/^raw/$deprecated", "blockdev-add/arg-type/driver/^raw/$deprecated"),
        d.missing().features());

    assertEquals(List.of("query-other"), d.added().commands());
    assertEquals(List.of("RESET"), d.added().events());
    assertEquals(List.of("blockdev-add/arg-type/+file/filename/!int", "blockdev-add/arg-type/+null"),
        d.added().members());
    assertEquals(List.of("SHUTDOWN/arg-type/reason/^qcow2", "blockdev-add/arg-type/+file/size/^qcow2",
        "blockdev-add/arg-type/driver/^qcow2"), d.added().enumValues());
    assertEquals(List.of("blockdev-add/arg-type/$static"), d.added().features());
    assertEquals(9, d.missing().all().size());
  }
}
