package org.qapi4j.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing the server's byte stream into messages, however the bytes are split. */
class FramerTest {
  private static final class Collect implements Framer.Sink {
    final List<String> out = new ArrayList<>();

    @Override
    public void message(byte[] message) {
      out.add(new String(message, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void marker() {
      out.add("<FF>");
    }

    @Override
    public void garbage(int count, int first) {
      out.add("<garbage " + count + " " + (char) first + ">");
    }
  }

  private static final String STREAM =
      "{\"QMP\": {}}\r\n{\"return\": \"}]{[\", \"id\": 1}\r\n"
          + "{'a': 'it\\'s }', \"b\": \"\\\\\"}\r\n  [1, [2, {}]]\n{\"event\": \"X\"}\r\n";
  private static final List<String> MESSAGES = List.of(
      "{\"QMP\": {}}",
      "{\"return\": \"}]{[\", \"id\": 1}",
      "{'a': 'it\\'s }', \"b\": \"\\\\\"}",
      "[1, [2, {}]]",
      "{\"event\": \"X\"}");

  @Test
  void splitAnywhere() {
    byte[] bytes = STREAM.getBytes(StandardCharsets.ISO_8859_1);
    for (int chunk = 1; chunk <= bytes.length; chunk++) {
      Collect c = new Collect();
      Framer f = new Framer(c);
      for (int i = 0; i < bytes.length; i += chunk) {
        f.feed(bytes, i, Math.min(chunk, bytes.length - i));
      }
      assertEquals(MESSAGES, c.out, "chunks of " + chunk);
      assertEquals(0, f.partial());
    }
  }

  @Test
  void markerDropsThePartialMessage() {
    Collect c = new Collect();
    Framer f = new Framer(c);
    byte[] bytes = "{\"return\": {\"half\"\u00ff{\"return\": {}}".getBytes(StandardCharsets.ISO_8859_1);
    f.feed(bytes, 0, bytes.length);
    assertEquals(List.of("<FF>", "{\"return\": {}}"), c.out);
  }

  /** The guest agent's resync: everything before the 0xFF it sends is ignored. */
  @Test
  void skipToMarker() {
    Collect c = new Collect();
    Framer f = new Framer(c);
    f.skipToMarker();
    byte[] bytes = "{\"return\": 1}\r\n{\"ret\u00ff{\"return\": 2}".getBytes(StandardCharsets.ISO_8859_1);
    f.feed(bytes, 0, bytes.length);
    assertEquals(List.of("<FF>", "{\"return\": 2}"), c.out);
  }

  @Test
  void bytesOutsideMessagesAreSkipped() {
    Collect c = new Collect();
    Framer f = new Framer(c);
    byte[] bytes = "oops {\"a\": 1} 12 ".getBytes(StandardCharsets.ISO_8859_1);
    f.feed(bytes, 0, bytes.length);
    assertEquals(List.of("<garbage 4 o>", "{\"a\": 1}", "<garbage 2 1>"), c.out);
  }
}
