package org.qapi4j.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the streamer holds for an unfinished message, and how it resumes. */
class JsonStreamerTest {
  /** Records messages (as text) and errors; pauses after each message while {@code pause} is set. */
  private static final class Recorder implements JsonStreamer.Listener {
    final List<String> seen = new ArrayList<>();
    boolean pause;

    @Override
    public boolean message(byte[] bytes, int length, List<Token> tokens) {
      seen.add(new String(bytes, 0, length, StandardCharsets.ISO_8859_1));
      return !pause;
    }

    @Override
    public boolean error(String text) {
      seen.add("error: " + text);
      return true;
    }
  }

  private static void feed(JsonStreamer s, String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    s.feed(b, 0, b.length);
  }

  /** Whitespace between tokens is not kept (QEMU drops it): 300 MB of it cost nothing. */
  @Test
  void whitespaceInsideAMessageIsNotBuffered() {
    Recorder r = new Recorder();
    JsonStreamer s = new JsonStreamer(r);
    feed(s, "[");
    byte[] spaces = new byte[64 * 1024];
    Arrays.fill(spaces, (byte) ' ');
    spaces[100] = '\t';
    spaces[200] = '\n';
    spaces[300] = '\r';
    for (int i = 0; i < 4800; i++) { // 300 MiB
      s.feed(spaces, 0, spaces.length);
      assertTrue(s.bufferedBytes() <= 256, s.bufferedBytes() + " bytes held after " + i + " chunks");
    }
    feed(s, "1 , 'a b' ]");
    assertEquals(List.of("[1,'a b']"), r.seen);
  }

  /**
   * A token still being lexed counts against the 64 MiB at once: a string that never ends is
   * answered when it passes the limit, and the rest of it is skipped as after a lexical error.
   */
  @Test
  void anUnfinishedTokenCountsAgainstTheLimit() {
    Recorder r = new Recorder();
    JsonStreamer s = new JsonStreamer(r);
    feed(s, "{\"a\": \"");
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) 'x');
    for (int i = 0; i < 80; i++) {
      s.feed(chunk, 0, chunk.length);
      assertTrue(s.bufferedBytes() <= JsonStreamer.MAX_TOKEN_SIZE + 16, s.bufferedBytes() + " bytes held");
    }
    assertEquals(List.of("error: JSON token size limit exceeded"), r.seen);
    assertTrue(s.bufferedBytes() <= 256, s.bufferedBytes() + " bytes held once given up");
    // Recovery ends at the brace, which goes on alone (the server answers it "expecting value").
    feed(s, "\"}{\"b\": 2}");
    assertEquals(List.of("error: JSON token size limit exceeded", "}", "{\"b\":2}"), r.seen);
  }

  /** A resume lexes everything held, not one message per call. */
  @Test
  void resumeLexesAllThatWasHeld() {
    Recorder r = new Recorder();
    JsonStreamer s = new JsonStreamer(r);
    r.pause = true;
    feed(s, "{\"n\":1}{\"n\":2}{\"n\":3}{\"n\":4}{\"n\":5}");
    assertEquals(List.of("{\"n\":1}"), r.seen);
    assertTrue(s.paused() && s.hasPending());
    r.pause = false;
    s.resume();
    assertEquals(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}"), r.seen);
    assertTrue(!s.paused() && !s.hasPending());
  }

  /** QEMU 7.2's recovery, checked side by side: a tab does not end it, a NUL does; error text ends at a NUL. */
  @Test
  void recoveryAndNulAsQemu() {
    Recorder r = new Recorder();
    JsonStreamer s = new JsonStreamer(r);
    feed(s, "%\t%\t{}");
    feed(s, "%\u0000{}");
    feed(s, "{\"a\u0000");
    feed(s, "{}");
    assertEquals(List.of("error: JSON parse error, stray '%'", "{}",
        "error: JSON parse error, stray '%'", "error: JSON parse error, stray ''", "{}",
        "error: JSON parse error, stray '\"a'", "{}"), r.seen);
  }
}
