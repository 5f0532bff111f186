package org.qapi4j.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A coverage-guided fuzz target (Jazzer) for the streamer and the parser behind it. In the build it
 * runs in regression mode: over the inputs committed in {@code JsonFuzzTestInputs/streamAndParse}
 * (and any crash files added there), in a moment. To fuzz, by hand:
 * {@code JAZZER_FUZZ=1 mvn -pl runtime -am test -Dtest=JsonFuzzTest} (docs/security.md).
 *
 * <p>Properties: the parser fails with its own error only; the bytes split in two give what they
 * give whole; after them, 0xFF and a request, the request is the last message, whole.
 */
class JsonFuzzTest {
  private static final String REQUEST = "{\"execute\":\"query-status\",\"id\":\"sync\"}";

  @FuzzTest(maxDuration = "60s")
  void streamAndParse(byte[] data) {
    List<String> whole = feed(data, data.length);
    assertEquals(whole, feed(data, data.length == 0 ? 0 : (data[0] & 0xFF) % data.length), "split");

    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(data);
    b.write(0xFF);
    b.writeBytes(REQUEST.getBytes(StandardCharsets.ISO_8859_1));
    StreamerProperties.Events e = new StreamerProperties.Events();
    JsonStreamer s = new JsonStreamer(e);
    byte[] all = b.toByteArray();
    s.feed(all, 0, all.length);
    assertEquals(REQUEST, e.seen.get(e.seen.size() - 1));
    assertTrue(s.bufferedBytes() <= 64 * 1024 + 256 || data.length > 64 * 1024, "held " + s.bufferedBytes());
  }

  /** What the streamer hands over for {@code data} fed in two pieces, cut at {@code cut}. */
  private static List<String> feed(byte[] data, int cut) {
    StreamerProperties.Events e = new StreamerProperties.Events(); // the parser runs on each message
    JsonStreamer s = new JsonStreamer(e);
    s.feed(data, 0, cut);
    s.feed(data, cut, data.length - cut);
    return e.seen;
  }
}
