package org.qapi4j.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the streamer and the parser behind it, in memory (the socket properties are in
 * {@code QmpFuzzProperties}): bytes of a QMP-ish alphabet, split anywhere; recovery after any
 * garbage; the three limits at their boundaries.
 */
class StreamerProperties {
  /** Records what the streamer hands over: message text, parse result or error. */
  static final class Events implements JsonStreamer.Listener {
    final List<String> seen = new ArrayList<>();

    @Override
    public boolean message(byte[] bytes, int length, List<Token> tokens) {
      String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      try {
        MessageParser.parse(bytes, tokens);
        seen.add(text);
      } catch (MessageParser.ParseError e) {
        seen.add(text + " -> " + e.getMessage());
      }
      return true;
    }

    @Override
    public boolean error(String text) {
      seen.add("error: " + text);
      return true;
    }
  }

  /** Bytes QMP traffic is made of, and the ones that break it. */
  @Provide
  static Arbitrary<byte[]> qmpish() {
    Arbitrary<Byte> special = Arbitraries.of((byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) '"', (byte) '\'',
        (byte) '\\', (byte) ':', (byte) ',', (byte) 0xFF, (byte) 0xFE, (byte) 0, (byte) '\t', (byte) '\n', (byte) ' ',
        (byte) 'u', (byte) '-', (byte) '.', (byte) 'e', (byte) '0', (byte) '9', (byte) 0xC3, (byte) 0xA9, (byte) 0xF0,
        (byte) 0x9F, (byte) 0x80);
    Arbitrary<Byte> words = Arbitraries.of("true", "null", "false", "\"execute\"", "\"id\"", "12", "-0.5e+3", "\\u12ab")
        .map(w -> w.getBytes(StandardCharsets.ISO_8859_1)[0]);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, special),
            net.jqwik.api.Tuple.of(3, Arbitraries.bytes()),
            net.jqwik.api.Tuple.of(1, words))
        .list().ofMaxSize(300)
        .map(list -> {
          byte[] b = new byte[list.size()];
          for (int i = 0; i < b.length; i++) {
            b[i] = list.get(i);
          }
          return b;
        });
  }

  private static List<String> feedWhole(byte[] input) {
    Events e = new Events();
    new JsonStreamer(e).feed(input, 0, input.length);
    return e.seen;
  }

  /** Where a read ends does not matter: bytes split anywhere give the same messages and errors. */
  @Property(tries = 400)
  void splittingTheStreamAnywhereChangesNothing(
      @ForAll("qmpish") byte[] input, @ForAll("cuts") List<Integer> cuts) {
    Events e = new Events();
    JsonStreamer s = new JsonStreamer(e);
    int at = 0;
    byte[] reused = new byte[input.length + 1];
    for (int cut : cuts) {
      int end = Math.min(input.length, at + cut);
      // the caller's array is reused after each feed, as a session's read buffer is
      System.arraycopy(input, at, reused, 0, end - at);
      s.feed(reused, 0, end - at);
      Arrays.fill(reused, (byte) '?');
      at = end;
    }
    s.feed(input, at, input.length - at);
    assertEquals(feedWhole(input), e.seen);
  }

  @Provide
  static Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 40).list().ofMaxSize(20);
  }

  /**
   * After any garbage, 0xFF (QEMU's documented reset) brings the stream back: a request sent after
   * it is the last message handed over, whole.
   */
  @Property(tries = 500)
  void aByteFFAfterAnyGarbageResynchronises(@ForAll("qmpish") byte[] garbage, @ForAll @IntRange(min = 0, max = 1_000_000) int id) {
    String request = "{\"execute\":\"query-status\",\"id\":" + id + "}";
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(garbage);
    b.write(0xFF);
    b.writeBytes(("\n" + request).getBytes(StandardCharsets.ISO_8859_1));
    List<String> seen = feedWhole(b.toByteArray());
    assertEquals(request, seen.get(seen.size() - 1));
  }

  /** Deep nesting of brackets and braces mixed, either side of 1024: one message, or one error. */
  @Property(tries = 60)
  void nestingAtAndPastTheLimit(@ForAll @IntRange(min = 1000, max = 1100) int depth, @ForAll("openers") List<Boolean> braces) {
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      boolean brace = braces.get(i % braces.size());
      open.append(brace ? "{\"a\":" : "[");
      close.insert(0, brace ? "}" : "]");
    }
    String deep = open + "0" + close;
    byte[] bytes = (deep + " {\"execute\":\"x\"}").getBytes(StandardCharsets.ISO_8859_1);
    List<String> seen = feedWhole(bytes);
    if (depth <= JsonStreamer.MAX_NESTING) {
      assertEquals(List.of(deep.replace(" ", ""), "{\"execute\":\"x\"}"), seen);
    } else {
      assertEquals(List.of("error: JSON nesting depth limit exceeded", "{\"execute\":\"x\"}"), seen);
    }
  }

  @Provide
  static Arbitrary<List<Boolean>> openers() {
    return Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(8);
  }

  /**
   * Defect (fixed): a message nested too deep was skipped to where its outermost bracket closed,
   * and a lexical error did not end the skipping; a client that never closed it (it died, or sent
   * garbage) could not resynchronise with 0xFF: every later request was swallowed, unanswered.
   */
  @Example
  void aLexicalErrorEndsTheSkippingOfAMessageNestedTooDeep() {
    byte[] bytes = ("[".repeat(1100) + "\u00ff{\"execute\":\"x\"}[]").getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(List.of("error: JSON nesting depth limit exceeded", "error: JSON parse error, stray '\uFFFD'",
        "{\"execute\":\"x\"}", "[]"), feedWhole(bytes));
  }

  /** 2 Mi tokens are a message; one more is {@code JSON token count limit exceeded}, answered once. */
  @Example
  void tokenCountLimitExactly() {
    // [{}, 0, 0, ...]: 2 + 2 + 2 * zeros tokens.
    int zeros = (JsonStreamer.MAX_TOKEN_COUNT - 4) / 2;
    String atLimit = "[{}" + ",0".repeat(zeros) + "]";
    List<String> seen = feedWhole(atLimit.getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(1, seen.size());
    assertEquals(atLimit, seen.get(0));
    // [0, 0, ...] with 2^20 zeros: 2^21 + 1 tokens, the last the closing bracket.
    String over = "[0" + ",0".repeat((1 << 20) - 1) + "]";
    assertEquals(List.of("error: JSON token count limit exceeded"), feedWhole(over.getBytes(StandardCharsets.ISO_8859_1)));
  }

  /** 64 MiB of token text less one byte is a message; one byte more is refused, and the rest skipped. */
  @Example
  void tokenSizeLimitExactly() {
    for (int size : new int[] {JsonStreamer.MAX_TOKEN_SIZE - 1, JsonStreamer.MAX_TOKEN_SIZE}) {
      byte[] token = new byte[size];
      Arrays.fill(token, (byte) 'a');
      token[0] = '"';
      token[size - 1] = '"';
      List<Integer> lengths = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      JsonStreamer s = new JsonStreamer(new JsonStreamer.Listener() {
        @Override
        public boolean message(byte[] bytes, int length, List<Token> tokens) {
          lengths.add(length);
          return true;
        }

        @Override
        public boolean error(String text) {
          errors.add(text);
          return true;
        }
      });
      s.feed(token, 0, token.length);
      s.feed(new byte[] {'{', '}'}, 0, 2);
      if (size < JsonStreamer.MAX_TOKEN_SIZE) {
        assertEquals(List.of(size, 2), lengths);
        assertEquals(List.of(), errors);
      } else {
        // The closing quote is the byte too many: refused there, and the "{}" after it is a message.
        assertEquals(List.of("JSON token size limit exceeded"), errors);
        assertEquals(List.of(2), lengths);
      }
      assertTrue(s.bufferedBytes() <= 64 * 1024 + 256, "held " + s.bufferedBytes());
    }
  }

  /** Arbitrary bytes never make the parser throw anything but its own error. */
  @Property(tries = 400)
  void parsingNeverFailsOtherwise(@ForAll("qmpish") byte[] input) {
    feedWhole(input); // Events catches ParseError only: anything else fails the property
  }
}
