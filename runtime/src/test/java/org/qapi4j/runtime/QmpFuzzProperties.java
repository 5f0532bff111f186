package org.qapi4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.qapi4j.runtime.json.QDictOrder;
import org.qapi4j.runtime.marshal.Input;
import org.qapi4j.runtime.marshal.ObjectReader;
import org.qapi4j.runtime.server.QmpServer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * QMP through a real socket to an in-process server, generated and mutated.
 *
 * <p>Structure-aware: requests built from a small schema (commands with an {@code int}, a
 * {@code uint8}, an optional {@code str}, an out-of-band one, one that fails, unknown ones),
 * arguments of the right and the wrong JSON type, ids of every JSON type, {@code execute} or
 * {@code exec-oob}; each must get exactly the reply an oracle written here (after QEMU 7.2's texts
 * and its printing of values) predicts.
 *
 * <p>Mutations of recorded traffic (byte flips, cuts, insertions of {@code {}[]"\} and 0xFF, NUL,
 * tabs, huge numbers, nesting up to and past 1,024): every line that comes back is a QMP reply
 * (return or error, nothing of Java in it), after 0xFF a request gets its reply, and a second,
 * well-behaved client is served all along.
 */
class QmpFuzzProperties {
  private static Path dir;
  private static QmpServer server;
  private static RawClient bystander;
  private static int bystanderCalls;

  private static final String GREETING =
      "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, \"package\": \"test\"}, "
          + "\"capabilities\": [\"oob\"]}}";

  /** Kept, so that its level holds: {@code boom}'s trace is logged on purpose, not worth printing. */
  private static final java.util.logging.Logger SESSION_LOG =
      java.util.logging.Logger.getLogger("org.qapi4j.runtime.server.Session");

  @BeforeContainer
  static void start() throws IOException {
    SESSION_LOG.setLevel(java.util.logging.Level.OFF);
    dir = Files.createTempDirectory("qmp-fuzz");
    server = QmpServer.builder()
        .version(7, 2, 0, "test")
        .command(new QmpCommand("echo-int", a -> echo(TestArguments.int64(a, "value"))))
        .command(new QmpCommand("echo-u8", QmpFuzzProperties::echoU8))
        .command(new QmpCommand("echo-str", QmpFuzzProperties::echoStr))
        .command(new QmpCommand("oob-ping", Set.of(QmpCommand.Flag.ALLOW_OOB), a -> {
          Input.noArguments(a);
          return ReplyWriter.EMPTY_OBJECT;
        }))
        .command(new QmpCommand("boom", a -> {
          throw new IllegalStateException("java.lang.IllegalStateException: internal detail");
        }))
        .endpoint(QmpEndpoint.unix(dir.resolve("qmp.sock")))
        .build();
    server.start();
    bystander = negotiated();
  }

  @AfterContainer
  static void stop() throws Exception {
    SESSION_LOG.setLevel(null);
    bystander.close();
    server.shutdown();
    server.awaitTermination();
    Files.deleteIfExists(dir.resolve("qmp.sock"));
    Files.deleteIfExists(dir);
  }

  private static ReplyWriter echo(long v) {
    return out -> {
      out.writeStartObject();
      out.writeName("value");
      out.writeNumber(v);
      out.writeEndObject();
    };
  }

  private static ReplyWriter echoU8(JsonParser arguments) {
    ObjectReader r = new ObjectReader(Input.arguments(arguments), null);
    short value = 0;
    while (r.next()) {
      try {
        if (r.key().equals("value")) {
          value = r.uint8(0);
        } else {
          r.unexpected();
        }
      } catch (QmpError e) {
        r.invalid(e);
      }
    }
    r.require(0, "value");
    r.check();
    return echo(value);
  }

  private static ReplyWriter echoStr(JsonParser arguments) {
    String s = TestArguments.optionalStr(arguments, "value");
    return out -> {
      out.writeStartObject();
      if (s != null) {
        out.writeName("value");
        out.writeString(s);
      }
      out.writeEndObject();
    };
  }

  private static RawClient negotiated() throws IOException {
    RawClient c = RawClient.unix(dir.resolve("qmp.sock"));
    assertEquals(GREETING, c.line());
    assertEquals("{\"return\": {}}", c.call("{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"oob\"]}}"));
    return c;
  }

  // ---------------------------------------------------------------------------------------------
  // A JSON model: what is sent (its text, in some spelling) and what QEMU prints back for it.

  /** A JSON value: {@code text} as sent, {@code printed} as QEMU prints the value it read. */
  record J(String text, String printed, Kind kind) {}

  enum Kind { INT64, UINT64_ONLY, NEG_BEYOND, HUGE, FLOAT, STR, BOOL, NULL, ARRAY, OBJECT }

  /** QEMU's {@code qstring_to_json}: control characters, DEL and non-ASCII as \\uXXXX, upper case. */
  static String printString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c >= 0x7F) {
            b.append(String.format("\\u%04X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A string as a client may spell it: raw UTF-8 or escaped, code point by code point, in its quotes. */
  static String spellString(String s, char quote, List<Boolean> escape) {
    StringBuilder b = new StringBuilder().append(quote);
    int k = 0;
    for (int cp : s.codePoints().toArray()) {
      boolean esc = !escape.isEmpty() && escape.get(k++ % escape.size());
      if (cp == quote || cp == '\\' || cp < 0x20) {
        esc = true;
      }
      if (!esc) {
        b.appendCodePoint(cp);
      } else if (cp == '"' || cp == '\'' || cp == '\\' || cp == '/') {
        b.append('\\').appendCodePoint(cp);
      } else if (cp == '\n') {
        b.append("\\n");
      } else {
        for (char c : Character.toChars(cp)) {
          b.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return b.append(quote).toString();
  }

  /** QEMU's {@code is_valid_codepoint()}: what a string may hold (no surrogate, no noncharacter). */
  static boolean qemuValid(int cp) {
    return !(cp >= 0xFDD0 && cp <= 0xFDEF) && (cp & 0xFFFE) != 0xFFFE && !(cp >= 0xD800 && cp <= 0xDFFF);
  }

  /** Strings with every escape, controls, DEL, Latin-1, the BMP's top and non-BMP characters. */
  @Provide
  static Arbitrary<String> nastyStrings() {
    Arbitrary<Character> chars = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.chars().ascii()),
        Tuple.of(2, Arbitraries.of('"', '\\', '/', '\'', '\b', '\f', '\n', '\r', '\t', '\u0001', '\u001f', '\u007f', '\u00e9',
            '\u00ff', '\u20ac', '\ufffd', '\ufdcf', '\ufdf0', '\ufeff', '\u0000')),
        Tuple.of(1, Arbitraries.chars().range('\u0080', '\ufffd').filter(QmpFuzzProperties::qemuValid)));
    Arbitrary<String> bmp = chars.list().ofMaxSize(12).map(l -> {
      StringBuilder b = new StringBuilder();
      l.forEach(b::append);
      return b.toString();
    });
    Arbitrary<String> astral = Arbitraries.integers().between(0x10000, 0x10FFFF).filter(QmpFuzzProperties::qemuValid)
        .map(Character::toString);
    return Combinators.combine(bmp, astral, bmp, Arbitraries.of(true, false))
        .as((a, x, c, withAstral) -> withAstral ? a + x + c : a + c);
  }

  static Arbitrary<J> strings() {
    return Combinators.combine(nastyStrings(), Arbitraries.of('"', '\''), Arbitraries.of(true, false).list().ofMaxSize(5))
        .as((s, q, esc) -> new J(spellString(s, q, esc), printString(s), Kind.STR));
  }

  static Arbitrary<J> integers() {
    Arbitrary<J> int64 = Arbitraries.longs()
        .edgeCases(e -> e.add(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 255L, 256L))
        .map(v -> new J(Long.toString(v), Long.toString(v), Kind.INT64));
    Arbitrary<J> uint64 = Arbitraries.bigIntegers()
        .between(BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE))
        .map(v -> new J(v.toString(), v.toString(), Kind.UINT64_ONLY));
    // Beyond 64 bits: doubles for QEMU, printed with %.17g (values checked against C's printf).
    Arbitrary<J> beyond = Arbitraries.of(
        new J("18446744073709551616", "1.8446744073709552e+19", Kind.HUGE),
        new J("-9223372036854775809", "-9.2233720368547758e+18", Kind.NEG_BEYOND),
        new J("123456789012345678901234567890", "1.2345678901234568e+29", Kind.HUGE),
        new J("1" + "0".repeat(300), "1.0000000000000001e+300", Kind.HUGE));
    Arbitrary<J> minusZero = Arbitraries.just(new J("-0", "0", Kind.INT64));
    return Arbitraries.frequencyOf(Tuple.of(6, int64), Tuple.of(2, uint64), Tuple.of(1, beyond), Tuple.of(1, minusZero));
  }

  static Arbitrary<J> floats() {
    return Arbitraries.of(
        new J("1.5", "1.5", Kind.FLOAT),
        new J("0.1", "0.10000000000000001", Kind.FLOAT),
        new J("-0.0", "-0", Kind.FLOAT),
        new J("1e3", "1000", Kind.FLOAT),
        new J("2.5E-7", "2.4999999999999999e-07", Kind.FLOAT),
        new J("5e-324", "4.9406564584124654e-324", Kind.FLOAT),
        new J("1E+2", "100", Kind.FLOAT),
        new J("-1.0e-5", "-1.0000000000000001e-05", Kind.FLOAT),
        new J("0.0001", "0.0001", Kind.FLOAT));
  }

  static Arbitrary<J> scalars() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, integers()),
        Tuple.of(2, floats()),
        Tuple.of(3, strings()),
        Tuple.of(1, Arbitraries.of(new J("true", "true", Kind.BOOL), new J("false", "false", Kind.BOOL))),
        Tuple.of(1, Arbitraries.just(new J("null", "null", Kind.NULL))));
  }

  /** Any JSON value, nested a few levels. */
  static Arbitrary<J> values(int depth) {
    if (depth == 0) {
      return scalars();
    }
    Arbitrary<J> array = values(depth - 1).list().ofMaxSize(3).map(l -> new J(
        "[" + String.join(" , ", l.stream().map(J::text).toList()) + "]",
        "[" + String.join(", ", l.stream().map(J::printed).toList()) + "]", Kind.ARRAY));
    Arbitrary<J> object = Combinators.combine(
            Arbitraries.strings().alpha().numeric().withChars("-_ é").ofMaxLength(6).set().ofMaxSize(3),
            values(depth - 1).list().ofSize(3))
        .as((keys, vals) -> {
          Map<String, J> members = new LinkedHashMap<>();
          int i = 0;
          for (String k : keys) {
            members.put(k, vals.get(i++));
          }
          StringBuilder text = new StringBuilder("{");
          members.forEach((k, v) -> text.append(text.length() > 1 ? "," : "").append(spellString(k, '"', List.of()))
              .append(":").append(v.text()));
          StringBuilder printed = new StringBuilder("{");
          for (String k : QDictOrder.of(new ArrayList<>(members.keySet()))) {
            printed.append(printed.length() > 1 ? ", " : "").append(printString(k)).append(": ")
                .append(members.get(k).printed());
          }
          return new J(text.append("}").toString(), printed.append("}").toString(), Kind.OBJECT);
        });
    return Arbitraries.frequencyOf(Tuple.of(5, scalars()), Tuple.of(1, array), Tuple.of(1, object));
  }

  // ---------------------------------------------------------------------------------------------
  // Requests and the oracle.

  /** A request as sent, and the line QEMU would answer. */
  record Exchange(String request, String reply) {}

  static String error(J id, String cls, String desc) {
    return "{" + (id == null ? "" : "\"id\": " + id.printed() + ", ") + "\"error\": {\"class\": \"" + cls
        + "\", \"desc\": \"" + desc + "\"}}";
  }

  static String success(J id, String ret) {
    return "{\"return\": " + ret + (id == null ? "" : ", \"id\": " + id.printed()) + "}";
  }

  /** The reply of command {@code name} given {@code value} (null: absent) and maybe an extra member. */
  static String expected(String name, boolean oob, J value, boolean extra, J id) {
    if (!Set.of("echo-int", "echo-u8", "echo-str", "oob-ping", "boom").contains(name)) {
      return error(id, "CommandNotFound", "The command " + name + " has not been found");
    }
    if (oob && !name.equals("oob-ping")) {
      return error(id, "GenericError", "The command " + name + " does not support OOB");
    }
    switch (name) {
      case "oob-ping" -> {
        return extra ? error(id, "GenericError", "Parameter 'extra' is unexpected") : success(id, "{}");
      }
      case "boom" -> {
        return error(id, "GenericError", "Command 'boom' failed unexpectedly");
      }
      case "echo-int" -> {
        if (value == null) {
          return error(id, "GenericError", "Parameter 'value' is missing");
        }
        if (value.kind() != Kind.INT64) {
          return error(id, "GenericError", "Invalid parameter type for 'value', expected: integer");
        }
        return extra ? error(id, "GenericError", "Parameter 'extra' is unexpected")
            : success(id, "{\"value\": " + value.printed() + "}");
      }
      case "echo-u8" -> {
        if (value == null) {
          return error(id, "GenericError", "Parameter 'value' is missing");
        }
        if (value.kind() != Kind.INT64 && value.kind() != Kind.UINT64_ONLY) {
          return error(id, "GenericError", "Parameter 'value' expects uint64");
        }
        BigInteger v = new BigInteger(value.text());
        if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(255)) > 0) {
          return error(id, "GenericError", "Parameter 'value' expects uint8_t");
        }
        return extra ? error(id, "GenericError", "Parameter 'extra' is unexpected")
            : success(id, "{\"value\": " + v + "}");
      }
      default -> { // echo-str
        if (value == null) {
          return extra ? error(id, "GenericError", "Parameter 'extra' is unexpected") : success(id, "{}");
        }
        if (value.kind() != Kind.STR) {
          return error(id, "GenericError", "Invalid parameter type for 'value', expected: string");
        }
        return extra ? error(id, "GenericError", "Parameter 'extra' is unexpected")
            : success(id, "{\"value\": " + value.printed() + "}");
      }
    }
  }

  @Provide
  static Arbitrary<Exchange> exchanges() {
    Arbitrary<String> names = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of("echo-int", "echo-u8", "echo-str")),
        Tuple.of(1, Arbitraries.of("oob-ping", "boom", "no-such-command", "query-nothing", "echo_int")));
    Arbitrary<J> argument = Arbitraries.frequencyOf(
        Tuple.of(4, integers()), Tuple.of(1, values(2)), Tuple.of(2, strings()));
    Arbitrary<J> ids = values(2).injectNull(0.2);
    Arbitrary<String> spaces = Arbitraries.of("", "", " ", "\t", "\n", "  \r\n ");
    return Combinators.combine(names, argument.injectNull(0.15), Arbitraries.of(true, false, false, false), ids,
            Arbitraries.of(true, false, false), Arbitraries.shuffle(List.of(0, 1, 2)), spaces)
        .as((name, value, oob, id, extra, order, ws) -> {
          Map<String, String> arguments = new LinkedHashMap<>();
          boolean takesValue = !name.equals("oob-ping") && !name.equals("boom");
          if (value != null && takesValue) {
            arguments.put("value", value.text());
          }
          if (extra) {
            arguments.put("extra", "1");
          }
          List<String> members = new ArrayList<>();
          members.add("\"" + (oob ? "exec-oob" : "execute") + "\"" + ws + ":" + ws + "\"" + name + "\"");
          if (!arguments.isEmpty() || name.startsWith("echo")) {
            StringBuilder a = new StringBuilder("{");
            arguments.forEach((k, v) -> a.append(a.length() > 1 ? "," + ws : "").append('"').append(k).append("\":").append(v));
            members.add("\"arguments\":" + a.append("}"));
          }
          if (id != null) {
            members.add("\"id\"" + ws + ":" + id.text());
          }
          List<String> ordered = new ArrayList<>();
          for (int i : order) {
            if (i < members.size()) {
              ordered.add(members.get(i));
            }
          }
          String request = ws + "{" + String.join("," + ws, ordered) + "}" + ws;
          boolean valueGiven = value != null && takesValue;
          return new Exchange(request, expected(name, oob, valueGiven ? value : null, extra, id));
        });
  }

  @Provide
  static Arbitrary<List<Exchange>> conversations() {
    return exchanges().list().ofMinSize(1).ofMaxSize(8);
  }

  /** Every generated request gets exactly QEMU's reply, one after the other on one connection. */
  @Property(tries = 150)
  void generatedRequestsGetExactlyTheirReply(@ForAll("conversations") List<Exchange> exchanges) throws IOException {
    try (RawClient c = negotiated()) {
      for (Exchange e : exchanges) {
        c.send(e.request().getBytes(StandardCharsets.UTF_8));
        assertEquals(e.reply(), c.line(), e.request());
      }
    }
  }

  /** Pipelined in one write, in-band requests are answered in order, each exactly. */
  @Property(tries = 60)
  void pipelinedRequestsAreAnsweredInOrder(@ForAll("conversations") List<Exchange> exchanges) throws IOException {
    List<Exchange> inBand = exchanges.stream().filter(e -> !e.request().contains("exec-oob")).toList();
    try (RawClient c = negotiated()) {
      StringBuilder all = new StringBuilder();
      inBand.forEach(e -> all.append(e.request()));
      c.send(all.toString().getBytes(StandardCharsets.UTF_8));
      for (Exchange e : inBand) {
        assertEquals(e.reply(), c.line(), e.request());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Mutated traffic.

  /** Traffic recorded from the exchanges above and from libvirt-like sessions. */
  static final List<String> RECORDED = List.of(
      "{\"execute\":\"echo-int\",\"arguments\":{\"value\":42},\"id\":\"libvirt-1\"}\r\n",
      "{\"execute\":\"echo-str\",\"arguments\":{\"value\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\"},\"id\":2}\n",
      "{'execute': 'echo-u8', 'arguments': {'value': 255}, 'id': [1, {'a': null}]}\n",
      "{\"exec-oob\":\"oob-ping\",\"id\":\"oob-1\"}",
      "{\"execute\":\"boom\"}{\"execute\":\"no-such\",\"id\":-0.0}",
      "{\"execute\":\"qmp_capabilities\"}\n",
      "{\"execute\":\"echo-int\",\"arguments\":{\"value\":18446744073709551615},\"id\":1e308}");

  /** One change to the bytes. */
  sealed interface Mutation {
    byte[] apply(byte[] in);
  }

  record Flip(int at, int bit) implements Mutation {
    public byte[] apply(byte[] in) {
      if (in.length == 0) {
        return in;
      }
      byte[] out = in.clone();
      out[at % in.length] ^= (byte) (1 << bit);
      return out;
    }
  }

  record Cut(int at) implements Mutation {
    public byte[] apply(byte[] in) {
      return java.util.Arrays.copyOf(in, in.length == 0 ? 0 : at % in.length);
    }
  }

  record Insert(int at, byte[] what) implements Mutation {
    public byte[] apply(byte[] in) {
      int p = in.length == 0 ? 0 : at % (in.length + 1);
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      b.write(in, 0, p);
      b.writeBytes(what);
      b.write(in, p, in.length - p);
      return b.toByteArray();
    }

    @Override
    public String toString() {
      String s = new String(what, StandardCharsets.ISO_8859_1);
      return "Insert[at=" + at + ", what=" + (s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s) + "]";
    }
  }

  @Provide
  static Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 10_000);
    Arbitrary<byte[]> specials = Arbitraries.of("{", "}", "[", "]", "\"", "\\", "\u00ff", "\u0000", "\t", "'", ":", ",",
        "\u00c3", "\\u", "\\ud800", "-", "1e", "\u00fe").map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
    Arbitrary<byte[]> huge = Arbitraries.integers().between(20, 20_000).map(n -> ("9".repeat(n)).getBytes(StandardCharsets.ISO_8859_1));
    Arbitrary<byte[]> deep = Combinators.combine(Arbitraries.integers().between(1000, 1100), Arbitraries.of(true, false))
        .as((n, closed) -> ("[".repeat(n) + (closed ? "]".repeat(n) : "")).getBytes(StandardCharsets.ISO_8859_1));
    Arbitrary<Mutation> one = Arbitraries.frequencyOf(
        Tuple.of(4, Combinators.combine(at, Arbitraries.integers().between(0, 7)).as(Flip::new)),
        Tuple.of(1, at.map(Cut::new)),
        Tuple.of(5, Combinators.combine(at, specials).as(Insert::new)),
        Tuple.of(1, Combinators.combine(at, huge).as(Insert::new)),
        Tuple.of(1, Combinators.combine(at, deep).as(Insert::new)));
    return one.list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  static Arbitrary<List<String>> traffic() {
    return Arbitraries.of(RECORDED).list().ofMinSize(1).ofMaxSize(5);
  }

  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> CLASSES = Set.of("GenericError", "CommandNotFound", "DeviceNotActive",
      "DeviceNotFound", "KVMMissingCap");
  /** What a reply must never carry: Java's names, exception classes, stack frames. */
  private static final Pattern LEAK = Pattern.compile(
      "java\\.|javax\\.|org\\.qapi4j|tools\\.jackson|Exception|Error:|\\tat |\\bat [a-z]+\\.|internal detail");

  /** A line the server sent: a JSON object with {@code return} or {@code error}, and maybe {@code id}. */
  static void assertQmpReply(String line) {
    assertNotNull(line, "the connection closed");
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), line)) {
      assertEquals(JsonToken.START_OBJECT, p.nextToken(), line);
      boolean answer = false;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String key = p.currentName();
        p.nextToken();
        switch (key) {
          case "id" -> p.skipChildren();
          case "return" -> {
            answer = true;
            p.skipChildren();
          }
          case "error" -> {
            answer = true;
            assertEquals(JsonToken.START_OBJECT, p.currentToken(), line);
            assertEquals("class", p.nextName(), line);
            String cls = p.nextStringValue();
            assertTrue(CLASSES.contains(cls), line);
            assertEquals("desc", p.nextName(), line);
            String desc = p.nextStringValue();
            assertFalse(LEAK.matcher(desc).find(), "leak: " + line);
            assertEquals(JsonToken.END_OBJECT, p.nextToken(), line);
          }
          default -> throw new AssertionError("not a QMP reply: " + line);
        }
      }
      assertTrue(answer, line);
      assertEquals(null, p.nextToken(), line);
    }
  }

  private static int sync;

  /**
   * Whatever the bytes, only QMP replies come back; 0xFF then a request gets that request's reply;
   * and another client is served meanwhile.
   */
  @Property(tries = 150)
  void mutatedTrafficOnlyGetsRepliesAndResynchronises(
      @ForAll("traffic") List<String> traffic, @ForAll("mutations") List<Mutation> mutations) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    traffic.forEach(t -> b.writeBytes(t.getBytes(StandardCharsets.UTF_8)));
    byte[] bytes = b.toByteArray();
    for (Mutation m : mutations) {
      bytes = m.apply(bytes);
    }
    int n = ++sync;
    String marker = "{\"return\": {\"value\": " + n + "}, \"id\": \"sync-" + n + "\"}";
    try (RawClient c = negotiated()) {
      c.send(bytes);
      c.send("\u00ff\n{\"execute\":\"echo-int\",\"arguments\":{\"value\":" + n + "},\"id\":\"sync-" + n + "\"}");
      int lines = 0;
      for (String line = c.line(); !marker.equals(line); line = c.line()) {
        assertQmpReply(line);
        assertTrue(++lines < 100_000, "no end of replies");
      }
    }
    // The bystander, connected all along, is answered.
    int k = ++bystanderCalls;
    assertEquals("{\"return\": {\"value\": " + k + "}, \"id\": " + k + "}",
        bystander.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":" + k + "},\"id\":" + k + "}"));
  }

  /** The limits through the socket: 1,024 levels are a message, 1,025 one error; then the session goes on. */
  @Example
  void nestingLimitThroughTheSocket() throws IOException {
    try (RawClient c = negotiated()) {
      assertEquals(error(null, "GenericError", "QMP input must be a JSON object"),
          c.call("[".repeat(1024) + "]".repeat(1024)));
      assertEquals(error(null, "GenericError", "JSON nesting depth limit exceeded"),
          c.call("[".repeat(1025) + "]".repeat(1025)));
      assertEquals("{\"return\": {\"value\": 1}, \"id\": " + "[".repeat(1023) + "]".repeat(1023) + "}",
          c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":1},\"id\":" + "[".repeat(1023) + "]".repeat(1023) + "}"));
    }
  }

  /**
   * Defect (fixed): after a message nested too deep that the client never closed, 0xFF did not
   * resynchronise; the request after it was swallowed and never answered.
   */
  @Example
  void aByteFFEndsAnUnfinishedMessageNestedTooDeep() throws IOException {
    try (RawClient c = negotiated()) {
      c.send("{\"a\":".repeat(600) + "[".repeat(600));
      assertEquals(error(null, "GenericError", "JSON nesting depth limit exceeded"), c.line());
      assertEquals(error(null, "GenericError", "JSON parse error, stray '\\uFFFD'"), c.call("\u00ff"));
      assertEquals("{\"return\": {\"value\": 7}, \"id\": 7}",
          c.call("{\"execute\":\"echo-int\",\"arguments\":{\"value\":7},\"id\":7}"));
    }
  }

  /**
   * Defect (fixed): an unsigned argument given a non-integer (a string, a fraction, 2^64, below
   * -2^63) said {@code Invalid parameter type for 'value', expected: integer}; QEMU 7.2 says
   * {@code Parameter 'value' expects uint64} (recorded from qemu-system-x86_64 7.2.22 with
   * migrate-set-parameters' uint8 compress-level).
   */
  @Example
  void unsignedArgumentsThatAreNotIntegersAsQemu() throws IOException {
    try (RawClient c = negotiated()) {
      for (String v : List.of("\"x\"", "1.5", "18446744073709551616", "-9223372036854775809", "1e3", "null", "[]")) {
        assertEquals(error(null, "GenericError", "Parameter 'value' expects uint64"),
            c.call("{\"execute\":\"echo-u8\",\"arguments\":{\"value\":" + v + "}}"), v);
      }
      for (String v : List.of("-1", "256", "-9223372036854775808", "18446744073709551615")) {
        assertEquals(error(null, "GenericError", "Parameter 'value' expects uint8_t"),
            c.call("{\"execute\":\"echo-u8\",\"arguments\":{\"value\":" + v + "}}"), v);
      }
      assertEquals("{\"return\": {\"value\": 0}}", c.call("{\"execute\":\"echo-u8\",\"arguments\":{\"value\":-0}}"));
    }
  }

  /**
   * Defect (fixed): QEMU refuses noncharacters (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF) escaped or raw,
   * and overlong UTF-8, but takes C0 80 as U+0000; qapi4j took the noncharacters and refused C0 80.
   * Every line below is what qemu-system-x86_64 7.2.22 answered to the same id.
   */
  @Example
  void stringsAreCheckedAsQemuChecksThem() throws IOException {
    String[][] cases = {
      {"\"\\uffff\"", error(null, "GenericError", "JSON parse error, \\\\uffff is not a valid Unicode character")},
      {"\"\\ufffe\"", error(null, "GenericError", "JSON parse error, \\\\ufffe is not a valid Unicode character")},
      {"\"\\ufdd0\"", error(null, "GenericError", "JSON parse error, \\\\ufdd0 is not a valid Unicode character")},
      {"\"\\ufdef\"", error(null, "GenericError", "JSON parse error, \\\\ufdef is not a valid Unicode character")},
      {"\"\\ud83f\\udfff\"",
          error(null, "GenericError", "JSON parse error, \\\\ud83f\\\\udfff is not a valid Unicode character")},
      {"\"a\\ud800\"", error(null, "GenericError", "JSON parse error, \\\\ud800 is not a valid Unicode character")},
      {"\"\u00ef\u00bf\u00bf\"", error(null, "GenericError", "JSON parse error, invalid UTF-8 sequence in string")},
      {"\"\u00ef\u00b7\u0090\"", error(null, "GenericError", "JSON parse error, invalid UTF-8 sequence in string")},
      {"\"\u00f0\u009f\u00bf\u00bf\"", error(null, "GenericError", "JSON parse error, invalid UTF-8 sequence in string")},
      {"\"\u00f4\u0090\u0080\u0080\"", error(null, "GenericError", "JSON parse error, invalid UTF-8 sequence in string")},
      {"\"\u00ed\u00a0\u0080\"", error(null, "GenericError", "JSON parse error, invalid UTF-8 sequence in string")},
      {"\"\u00e0\u0080\u0080\"", error(null, "GenericError", "JSON parse error, invalid UTF-8 sequence in string")},
      {"\"\u00f8\u0088\u0080\u0080\u0080\"", error(null, "GenericError", "JSON parse error, invalid UTF-8 sequence in string")},
      {"\"\\ufdcf\"", "{\"return\": {}, \"id\": \"\\uFDCF\"}"},
      {"\"\\u0000\"", "{\"return\": {}, \"id\": \"\\u0000\"}"},
      {"\"\u00c0\u0080\"", "{\"return\": {}, \"id\": \"\\u0000\"}"},
      {"\"\u00c3\u00a9\u00f0\u009f\u0098\u0080\"", "{\"return\": {}, \"id\": \"\\u00E9\\uD83D\\uDE00\"}"},
    };
    try (RawClient c = negotiated()) {
      for (String[] t : cases) {
        // ISO-8859-1: each char below 0x100 is the byte it names
        assertEquals(t[1], c.call("{\"execute\":\"oob-ping\",\"id\":" + t[0] + "}"), t[0]);
      }
    }
  }
}
