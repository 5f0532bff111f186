package org.qapi4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.server.QmpServer;
import org.qapi4j.runtime.server.Session;
import tools.jackson.core.JsonParser;

/**
 * Events on the wire: to whom they go, in which order among themselves and among replies, what a
 * client that does not read costs, and QEMU's rate limits through the server, on a clock the test
 * moves.
 */
class EventDeliveryTest {
  private static final long T0 = 1_700_000_000L;

  @TempDir Path dir;
  private QmpServer server;
  private Path socket;

  /** {@code tick}: {@code 'data': {'value': 'int'}}; emits {@code TICK {"value": V}} while it runs. */
  private static DispatchTable table(EventSink[] sink) {
    return new DispatchTable() {
      @Override
      public String schemaName() {
        return "test";
      }

      @Override
      public List<QmpCommand> commands() {
        return List.of(new QmpCommand("tick", arguments -> {
          long v = value(arguments);
          sink[0].emit(new QmpEvent("TICK", data("value", v)));
          return ReplyWriter.EMPTY_OBJECT;
        }));
      }
    };
  }

  private static long value(JsonParser arguments) {
    return TestArguments.int64(arguments, "value");
  }

  private static ReplyWriter data(String name, long value) {
    return out -> {
      out.writeStartObject();
      out.writeName(name);
      out.writeNumber(value);
      out.writeEndObject();
    };
  }

  private static ReplyWriter data(String name, String value) {
    return out -> {
      out.writeStartObject();
      out.writeName(name);
      out.writeString(value);
      out.writeEndObject();
    };
  }

  private void start(ManualTime time) {
    socket = dir.resolve("qmp.sock");
    EventSink[] sink = new EventSink[1];
    QmpServer.Builder b = QmpServer.builder().version(7, 2, 0, "test").commands(table(sink))
        .endpoint(QmpEndpoint.unix(socket));
    if (time != null) {
      b.eventTime(time, time);
    }
    server = b.build();
    sink[0] = server.events();
    server.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null) {
      server.shutdown();
      server.awaitTermination();
    }
  }

  private RawClient connect() throws IOException {
    RawClient c = RawClient.unix(socket);
    assertTrue(c.line().startsWith("{\"QMP\": "));
    return c;
  }

  private RawClient negotiated() throws IOException {
    RawClient c = connect();
    assertEquals("{\"return\": {}}", c.call("{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}"));
    return c;
  }

  private static String event(long micros, String name, String data) {
    long at = T0 * 1_000_000L + micros;
    return "{\"timestamp\": {\"seconds\": " + at / 1_000_000L + ", \"microseconds\": " + at % 1_000_000L
        + "}, \"event\": \"" + name + "\"" + (data == null ? "" : ", \"data\": " + data) + "}";
  }

  /**
   * Two threads emit at once, released together by a barrier: every session gets every event,
   * each thread's in the order it emitted them, and all sessions in the same order — the order of
   * the timestamps (the clock ticks one microsecond per reading, so the k-th event delivered must
   * carry microsecond k). A session still negotiating gets none of them.
   */
  @Test
  void everySessionGetsEveryEventInTheOneOrderOfEmission() throws Exception {
    start(new ManualTime(T0, 1));
    int perThread = 3000;
    List<RawClient> clients = List.of(negotiated(), negotiated(), negotiated());
    RawClient waiting = connect();
    CyclicBarrier go = new CyclicBarrier(2);
    List<Thread> emitters = new ArrayList<>();
    for (String thread : List.of("a", "b")) {
      Thread t = new Thread(() -> {
        try {
          go.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        for (int i = 0; i < perThread; i++) {
          long n = i;
          server.events().emit(new QmpEvent("TICK", out -> {
            out.writeStartObject();
            out.writeName("thread");
            out.writeString(thread);
            out.writeName("n");
            out.writeNumber(n);
            out.writeEndObject();
          }));
        }
      });
      t.start();
      emitters.add(t);
    }
    for (Thread t : emitters) {
      t.join();
    }
    server.events().emit(new QmpEvent("DONE", null));

    List<List<String>> received = new ArrayList<>();
    for (RawClient c : clients) {
      List<String> lines = new ArrayList<>();
      for (int k = 0; k < 2 * perThread; k++) {
        lines.add(c.line());
      }
      assertEquals(event(2 * perThread, "DONE", null), c.line());
      received.add(lines);
    }
    Pattern tick = Pattern.compile(
        "\\{\"timestamp\": \\{\"seconds\": (\\d+), \"microseconds\": (\\d+)}, \"event\": \"TICK\", "
            + "\"data\": \\{\"thread\": \"([ab])\", \"n\": (\\d+)}}");
    int[] next = new int[2];
    for (int k = 0; k < 2 * perThread; k++) {
      String line = received.get(0).get(k);
      Matcher m = tick.matcher(line);
      assertTrue(m.matches(), line);
      assertEquals(T0, Long.parseLong(m.group(1)), line);
      assertEquals(k, Long.parseLong(m.group(2)), line);
      int thread = m.group(3).equals("a") ? 0 : 1;
      assertEquals(next[thread]++, Integer.parseInt(m.group(4)), line);
      assertEquals(line, received.get(1).get(k), "the second session's line " + k);
      assertEquals(line, received.get(2).get(k), "the third session's line " + k);
    }
    assertEquals(perThread, next[0]);
    assertEquals(perThread, next[1]);

    // The session that was negotiating got nothing: its next line is its own reply, and from now
    // on it gets what is emitted.
    assertEquals("{\"return\": {}}", waiting.call("{\"execute\":\"qmp_capabilities\"}"));
    server.events().emit(new QmpEvent("STOP", null));
    assertEquals(event(2 * perThread + 1, "STOP", null), waiting.line());
    for (RawClient c : clients) {
      assertEquals(event(2 * perThread + 1, "STOP", null), c.line());
      c.close();
    }
    waiting.close();
  }

  /**
   * A command's event goes out before its reply, and the events of the next command after it;
   * events the application emits from the main loop take their place among the replies; another
   * session sees the same events and no reply.
   */
  @Test
  void eventsInterleaveWithRepliesAsTheyHappen() throws Exception {
    ManualTime time = new ManualTime(T0, 10);
    start(time);
    try (RawClient caller = negotiated(); RawClient watcher = negotiated()) {
      // Five requests in one write; with oob enabled they are all read at once.
      StringBuilder requests = new StringBuilder();
      for (int i = 0; i < 5; i++) {
        requests.append("{\"execute\": \"tick\", \"arguments\": {\"value\": ").append(i).append("}, \"id\": ")
            .append(i).append("}");
      }
      caller.send(requests.toString());
      for (int i = 0; i < 5; i++) {
        assertEquals(event(10L * i, "TICK", "{\"value\": " + i + "}"), caller.line());
        assertEquals("{\"return\": {}, \"id\": " + i + "}", caller.line());
      }
      for (int i = 0; i < 5; i++) {
        assertEquals(event(10L * i, "TICK", "{\"value\": " + i + "}"), watcher.line());
      }
      // The main loop's own work: an event between two replies of the same session.
      CountDownLatch emitted = new CountDownLatch(1);
      caller.send("{\"execute\": \"tick\", \"arguments\": {\"value\": 5}, \"id\": 5}");
      assertEquals(event(50, "TICK", "{\"value\": 5}"), caller.line());
      assertEquals("{\"return\": {}, \"id\": 5}", caller.line());
      server.mainLoop().execute(() -> {
        server.events().emit(new QmpEvent("RESUME", null));
        emitted.countDown();
      });
      assertTrue(emitted.await(30, TimeUnit.SECONDS));
      assertEquals(event(60, "RESUME", null), caller.line());
      assertEquals(event(70, "TICK", "{\"value\": 6}"),
          caller.call("{\"execute\": \"tick\", \"arguments\": {\"value\": 6}, \"id\": 6}"));
      assertEquals("{\"return\": {}, \"id\": 6}", caller.line());
      assertEquals(event(50, "TICK", "{\"value\": 5}"), watcher.line());
      assertEquals(event(60, "RESUME", null), watcher.line());
      assertEquals(event(70, "TICK", "{\"value\": 6}"), watcher.line());
    }
  }

  /**
   * A client that never reads holds at most {@link Session#OUTPUT_LIMIT} of events: the ones that
   * would take it past are dropped for it and counted, with one log line; it is not disconnected
   * (it is not a stalled client yet: 5 minutes), and once it reads it gets what was kept, in order.
   * Meanwhile the emitter never waits (it runs on the test thread) and a client that reads gets
   * every event.
   */
  @Test
  @Timeout(120)
  void aClientThatDoesNotReadHoldsTheBoundAndItsDroppedEventsAreCounted() throws Exception {
    start(new ManualTime(T0, 1));
    String big = "x".repeat(1 << 20);
    RawClient stuck = negotiated();
    RawClient reader = negotiated();
    List<Integer> lengths = Collections.synchronizedList(new ArrayList<>());
    Semaphore read = new Semaphore(0);
    Thread reading = new Thread(() -> {
      try {
        String line;
        while ((line = reader.line()) != null && !line.contains("\"DONE\"")) {
          lengths.add(line.length());
          read.release();
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    reading.start();
    int emitted = 0;
    try (CapturedLog log = new CapturedLog("org.qapi4j.runtime.server.Session")) {
      // 1 MiB events until one is dropped for the stuck client (16 MiB wait for it, the socket
      // buffers hold a little more). The test emits at the pace of the client that reads.
      while (log.first.getCount() > 0 && emitted < 40) {
        server.events().emit(new QmpEvent("BIG", data("blob", big)));
        emitted++;
        read.acquire();
      }
      assertTrue(emitted > 16 && emitted < 40, "the first dropped was event " + emitted);
      assertEquals(1, server.droppedEvents());
      // Ten more, all dropped for the stuck client, none for the reader; one log line.
      for (int i = 0; i < 10; i++) {
        server.events().emit(new QmpEvent("BIG", data("blob", big)));
        read.acquire();
      }
      assertEquals(11, server.droppedEvents());
      assertTrue(server.outputWaiting() <= Session.OUTPUT_LIMIT, server.outputWaiting() + " bytes waiting");
      assertEquals(2, server.sessionCount()); // nobody was disconnected
      server.events().emit(new QmpEvent("DONE", null)); // small: it still fits
      reading.join();
      assertEquals(1, log.records.size());
      LogRecord r = log.records.get(0);
      assertEquals(Level.WARNING, r.getLevel());
      Matcher m = Pattern.compile(
          "dropping events for a QMP client that does not read its output: (\\d+) bytes wait for it, the limit is"
              + " 16777216 \\(logged once until it has read them\\)")
          .matcher(r.getMessage());
      assertTrue(m.matches(), r.getMessage());
      long waiting = Long.parseLong(m.group(1));
      long message = event(0, "BIG", "{\"blob\": \"" + big + "\"}").length() + 2;
      assertTrue(waiting <= Session.OUTPUT_LIMIT && waiting > Session.OUTPUT_LIMIT - message, waiting + " bytes waiting");
      // The stuck client reads at last: every event but the 11 dropped, in order, then DONE.
      for (int i = 0; i < emitted - 1; i++) {
        assertEquals(event(i, "BIG", "{\"blob\": \"" + big + "\"}").length(), stuck.line().length(), "event " + i);
      }
      assertTrue(stuck.line().contains("\"DONE\""));
      // It is alive: it answers.
      assertEquals("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Capabilities negotiation is already"
          + " complete, command ignored\"}}", stuck.call("{\"execute\":\"qmp_capabilities\"}"));
      assertEquals(Level.INFO, log.records.get(1).getLevel());
      assertEquals("a QMP client read its output again; 11 events were dropped for it so far",
          log.records.get(1).getMessage());
    }
    assertEquals(emitted + 10, lengths.size());
    for (int i = 0; i < lengths.size(); i++) {
      assertEquals(event(i, "BIG", "{\"blob\": \"" + big + "\"}").length(), lengths.get(i));
    }
    stuck.close();
    reader.close();
  }

  /**
   * QEMU's rate limit through the server: the first event at once, the later ones of the period
   * collapsed to the last, sent (with the timestamp of its emission) when the period ends, to
   * every session negotiated by then; keys limited apart. An unthrottled {@code MARK} shows what
   * has been sent so far.
   */
  @Test
  void throttledEventsAsQemuSendsThem() throws Exception {
    ManualTime time = new ManualTime(T0, 0);
    start(time);
    try (RawClient c = negotiated()) {
      RawClient late = connect();
      server.events().emit(new QmpEvent("BALLOON_CHANGE", data("actual", 1), 1000, null));
      assertEquals(event(0, "BALLOON_CHANGE", "{\"actual\": 1}"), c.line());
      time.advance(200);
      server.events().emit(new QmpEvent("BALLOON_CHANGE", data("actual", 2), 1000, null));
      time.advance(200);
      server.events().emit(new QmpEvent("BALLOON_CHANGE", data("actual", 3), 1000, null));
      server.events().emit(new QmpEvent("MARK", null));
      assertEquals(event(400_000, "MARK", null), c.line()); // 2 and 3 held
      assertEquals("{\"return\": {}}", late.call("{\"execute\":\"qmp_capabilities\"}"));
      time.advance(599);
      server.events().emit(new QmpEvent("MARK", null));
      assertEquals(event(999_000, "MARK", null), c.line()); // still held at 999 ms
      time.advance(1); // the period ends: the last, with its own time; a new period opens
      assertEquals(event(400_000, "BALLOON_CHANGE", "{\"actual\": 3}"), c.line());
      assertEquals(event(999_000, "MARK", null), late.line()); // the first sent since it negotiated
      assertEquals(event(400_000, "BALLOON_CHANGE", "{\"actual\": 3}"), late.line());
      server.events().emit(new QmpEvent("BALLOON_CHANGE", data("actual", 4), 1000, null));
      time.advance(999);
      server.events().emit(new QmpEvent("MARK", null));
      assertEquals(event(1_999_000, "MARK", null), c.line());
      time.advance(1);
      assertEquals(event(1_000_000, "BALLOON_CHANGE", "{\"actual\": 4}"), c.line());
      time.advance(1000); // a period with nothing held closes the limit: the next goes at once
      server.events().emit(new QmpEvent("BALLOON_CHANGE", data("actual", 5), 1000, null));
      assertEquals(event(3_000_000, "BALLOON_CHANGE", "{\"actual\": 5}"), c.line());

      // Keyed (VSERPORT_CHANGE by id): each id has its own period; RTC_CHANGE is limited apart.
      server.events().emit(new QmpEvent("VSERPORT_CHANGE", data("id", "a"), 1000, "a"));
      server.events().emit(new QmpEvent("VSERPORT_CHANGE", data("id", "b"), 1000, "b"));
      time.advance(300);
      server.events().emit(new QmpEvent("VSERPORT_CHANGE", data("id", "b"), 1000, "b"));
      server.events().emit(new QmpEvent("RTC_CHANGE", data("offset", 7), 1000, null));
      server.events().emit(new QmpEvent("VSERPORT_CHANGE", data("id", "a"), 1000, "a"));
      server.events().emit(new QmpEvent("MARK", null));
      assertEquals(event(3_000_000, "VSERPORT_CHANGE", "{\"id\": \"a\"}"), c.line());
      assertEquals(event(3_000_000, "VSERPORT_CHANGE", "{\"id\": \"b\"}"), c.line());
      assertEquals(event(3_300_000, "RTC_CHANGE", "{\"offset\": 7}"), c.line());
      assertEquals(event(3_300_000, "MARK", null), c.line());
      time.advance(700); // a's period and b's end at 4 s: a opened first
      assertEquals(event(3_300_000, "VSERPORT_CHANGE", "{\"id\": \"a\"}"), c.line());
      assertEquals(event(3_300_000, "VSERPORT_CHANGE", "{\"id\": \"b\"}"), c.line());
      late.close();
    }
  }
}
