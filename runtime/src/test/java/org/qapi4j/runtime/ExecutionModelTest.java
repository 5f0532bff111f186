package org.qapi4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.marshal.Input;
import org.qapi4j.runtime.server.Coroutine;
import org.qapi4j.runtime.server.QmpServer;
import tools.jackson.core.JsonParser;

/**
 * The execution model: which thread runs what, in which order replies leave, flow control, and the
 * command kinds (plain, coroutine, asynchronous, out-of-band, {@code success-response: false},
 * {@code allow-preconfig}). Every test synchronises with latches, semaphores and the server's
 * counters — never with sleeps — and each would fail if the property it names did not hold.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExecutionModelTest {
  private static final long PATIENCE = 20; // seconds any single wait may take before the test fails

  @TempDir Path dir;

  private final List<QmpServer> servers = new ArrayList<>();
  /** {@code block} acquires a permit: each {@code release()} lets one through. */
  private final Semaphore release = new Semaphore(0);
  private final Semaphore blockStarted = new Semaphore(0);
  /** The stages of {@code defer} and {@code co-wait}, by key. */
  private final Map<String, CompletableFuture<String>> stages = new ConcurrentHashMap<>();
  private final Semaphore stageCreated = new Semaphore(0);
  private final AtomicInteger counter = new AtomicInteger();

  @AfterEach
  void stop() throws InterruptedException {
    release.release(1000);
    stages.values().forEach(f -> f.complete("late"));
    for (QmpServer s : servers) {
      s.shutdown();
      s.awaitTermination();
    }
  }

  // ---------------------------------------------------------------- the test schema

  private DispatchTable table() {
    return new DispatchTable() {
      @Override
      public String schemaName() {
        return "execution";
      }

      @Override
      public List<QmpCommand> commands() {
        return List.of(
            new QmpCommand("echo", a -> value(key(a))),
            new QmpCommand("count", a -> {
              Input.noArguments(a);
              return value(Integer.toString(counter.incrementAndGet()));
            }),
            new QmpCommand("block", a -> {
              Input.noArguments(a);
              blockStarted.release();
              acquire(release);
              return null;
            }),
            new QmpCommand("oob-ping", Set.of(QmpCommand.Flag.ALLOW_OOB), a -> {
              Input.noArguments(a);
              return value(Thread.currentThread().getName());
            }),
            new QmpCommand("oob-await", Set.of(QmpCommand.Flag.ALLOW_OOB), a -> value(Coroutine.await(CompletableFuture.completedFuture("x")))),
            new QmpCommand("defer", Set.of(QmpCommand.Flag.ASYNC), a -> {
              CompletableFuture<String> f = new CompletableFuture<>();
              stages.put(key(a), f);
              stageCreated.release();
              return DeferredReply.of(f, v -> value(java.util.Objects.requireNonNull(v, "the result of defer")));
            }),
            new QmpCommand("defer-quiet", Set.of(QmpCommand.Flag.ASYNC, QmpCommand.Flag.NO_SUCCESS_RESPONSE), a -> {
              CompletableFuture<String> f = new CompletableFuture<>();
              stages.put(key(a), f);
              stageCreated.release();
              return DeferredReply.of(f, v -> null);
            }),
            new QmpCommand("co-wait", Set.of(QmpCommand.Flag.COROUTINE), a -> {
              String k = key(a);
              CompletableFuture<String> f = new CompletableFuture<>();
              stages.put(k, f);
              assertTrue(Coroutine.inCoroutine());
              stageCreated.release();
              String v = Coroutine.await(f);
              return value(v + " on " + Thread.currentThread().getName());
            }),
            new QmpCommand("not-co", a -> value(Coroutine.await(CompletableFuture.completedFuture("x")))),
            new QmpCommand("quiet", Set.of(QmpCommand.Flag.NO_SUCCESS_RESPONSE), a -> {
              if (key(a) != null) {
                throw new QmpError(ErrorClass.DeviceNotFound, "quiet failed");
              }
              return null;
            }),
            new QmpCommand("early", Set.of(QmpCommand.Flag.ALLOW_PRECONFIG), a -> value("early")));
      }
    };
  }

  /** {@code {"key": STR}}, the argument of most test commands; null when absent. */
  private static String key(JsonParser arguments) {
    return TestArguments.optionalStr(arguments, "key");
  }

  private static ReplyWriter value(String v) {
    return out -> {
      out.writeStartObject();
      out.writeName("value");
      out.writeString(v);
      out.writeEndObject();
    };
  }

  // ---------------------------------------------------------------- helpers

  private QmpServer server(QmpServer.Builder b) {
    Path socket = dir.resolve("qmp" + servers.size() + ".sock");
    QmpServer s = b.version(7, 2, 0, "test").commands(table()).endpoint(QmpEndpoint.unix(socket)).build();
    servers.add(s);
    s.start();
    return s;
  }

  private QmpServer server() {
    return server(QmpServer.builder());
  }

  private RawClient connect(QmpServer s, boolean oob) throws IOException {
    RawClient c = RawClient.unix(dir.resolve("qmp" + servers.indexOf(s) + ".sock"));
    c.line(); // greeting
    assertEquals("{\"return\": {}}",
        c.call(oob ? "{\"execute\":\"qmp_capabilities\",\"arguments\":{\"enable\":[\"oob\"]}}"
            : "{\"execute\":\"qmp_capabilities\"}"));
    return c;
  }

  private static void acquire(Semaphore s) {
    acquire(s, 1);
  }

  private static void acquire(Semaphore s, int permits) {
    try {
      if (!s.tryAcquire(permits, PATIENCE, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out waiting for a permit");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertTrue(latch.await(PATIENCE, TimeUnit.SECONDS), "timed out waiting for a latch");
  }

  /** Waits for a condition on the server's counters (polling without sleeping). */
  private static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  /**
   * Returns once the I/O thread has finished what it was doing when this was called: an
   * out-of-band request on another session is answered by the same thread, after it.
   */
  private static void ioBarrier(RawClient other) throws IOException {
    assertEquals("{\"return\": {\"value\": \"qmp-io\"}, \"id\": \"barrier\"}",
        other.call("{\"exec-oob\":\"oob-ping\",\"id\":\"barrier\"}"));
  }

  private static String ret(String value, String id) {
    return "{\"return\": {\"value\": \"" + value + "\"}, \"id\": " + id + "}";
  }

  private static String error(String cls, String desc, String id) {
    return "{\"id\": " + id + ", \"error\": {\"class\": \"" + cls + "\", \"desc\": \"" + desc + "\"}}";
  }

  // ---------------------------------------------------------------- out of band

  /** QEMU's qmp-test "oob": the OOB reply overtakes a blocked in-band command and its successor. */
  @Test
  void outOfBandReplyOvertakesABlockedInBandCommand() throws IOException {
    QmpServer s = server();
    try (RawClient c = connect(s, true)) {
      c.send("{\"execute\":\"block\",\"id\":\"ib-blocks-1\"}");
      c.send("{\"execute\":\"echo\",\"arguments\":{\"key\":\"quick\"},\"id\":\"ib-quick-1\"}");
      c.send("{\"exec-oob\":\"oob-ping\",\"id\":\"oob-1\"}");
      // block cannot finish before release: whatever comes first overtook it.
      assertEquals(ret("qmp-io", "\"oob-1\""), c.line());
      release.release();
      assertEquals("{\"return\": {}, \"id\": \"ib-blocks-1\"}", c.line());
      assertEquals(ret("quick", "\"ib-quick-1\""), c.line());

      // A malformed in-band request still fails in band, after the blocked one.
      c.send("{\"execute\":\"block\",\"id\":\"blocks-2\"}{\"id\":\"err-2\"}");
      acquire(blockStarted, 2);
      c.send("{\"exec-oob\":\"oob-ping\",\"id\":\"oob-2\"}");
      assertEquals(ret("qmp-io", "\"oob-2\""), c.line());
      release.release();
      assertEquals("{\"return\": {}, \"id\": \"blocks-2\"}", c.line());
      assertEquals(error("GenericError", "QMP input lacks member 'execute'", "\"err-2\""), c.line());
    }
  }

  @Test
  void outOfBandErrorsAreQemus() throws IOException {
    QmpServer s = server();
    try (RawClient plain = connect(s, false); RawClient oob = connect(s, true)) {
      // Each text as Debian's qemu-system-x86_64 7.2 answers it (QMP.md).
      assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"QMP input member 'exec-oob' is unexpected\"}}",
          plain.call("{\"exec-oob\":\"oob-ping\"}"));
      assertEquals(error("GenericError", "The command echo does not support OOB", "1"),
          oob.call("{\"exec-oob\":\"echo\",\"id\":1}"));
      assertEquals(error("GenericError", "QMP input member 'control' is unexpected", "2"),
          oob.call("{\"exec-oob\":\"oob-ping\",\"control\":{\"run-oob\":true},\"id\":2}"));
      assertEquals(error("GenericError", "QMP input member 'control' is unexpected", "3"),
          oob.call("{\"execute\":\"oob-ping\",\"control\":{\"run-oob\":true},\"id\":3}"));
      assertEquals(error("CommandNotFound", "The command nope has not been found", "4"),
          oob.call("{\"exec-oob\":\"nope\",\"id\":4}"));
      // An OOB handler that tries to wait is told why it may not (its exception, which the
      // server logs); the client is told the command failed, and nothing of the exception.
      assertEquals(error("GenericError", "Command 'oob-await' failed unexpectedly", "5"),
          oob.call("{\"exec-oob\":\"oob-await\",\"id\":5}"));
      // Sent in band, an allow-oob command runs on the main loop.
      assertEquals(ret("qmp-main-loop", "6"), oob.call("{\"execute\":\"oob-ping\",\"id\":6}"));
    }
  }

  // ---------------------------------------------------------------- order and flow control

  @Test
  void tenThousandPipelinedRequestsAreAnsweredInOrder() throws Exception {
    QmpServer s = server();
    int n = 10_000;
    try (RawClient a = connect(s, true); RawClient b = connect(s, false)) {
      Thread[] writers = new Thread[2];
      RawClient[] clients = {a, b};
      for (int w = 0; w < 2; w++) {
        RawClient c = clients[w];
        String tag = w == 0 ? "a" : "b";
        writers[w] = new Thread(() -> {
          StringBuilder all = new StringBuilder();
          for (int i = 0; i < n; i++) {
            all.append("{\"execute\":\"echo\",\"arguments\":{\"key\":\"").append(tag).append(i)
                .append("\"},\"id\":").append(i).append('}');
          }
          try {
            c.send(all.toString()); // blocks while the server does not read: flow control
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        writers[w].start();
      }
      for (int i = 0; i < n; i++) {
        assertEquals(ret("a" + i, Integer.toString(i)), a.line());
        assertEquals(ret("b" + i, Integer.toString(i)), b.line());
      }
      for (Thread t : writers) {
        t.join();
      }
    }
  }

  /**
   * With {@code oob}: when the 8th in-band request is queued the session is not read — not even
   * an OOB request — until the main loop takes one.
   */
  @Test
  void theNinthRequestIsNotReadUntilOneIsTaken() throws IOException {
    QmpServer s = server();
    try (RawClient c = connect(s, true); RawClient other = connect(s, true)) {
      c.send("{\"execute\":\"block\",\"id\":\"b\"}");
      acquire(blockStarted); // taken: the queue is empty again
      StringBuilder seven = new StringBuilder();
      for (int i = 1; i <= 7; i++) {
        seven.append("{\"execute\":\"echo\",\"arguments\":{\"key\":\"e").append(i).append("\"},\"id\":").append(i).append('}');
      }
      c.send(seven + "{\"exec-oob\":\"oob-ping\",\"id\":\"p1\"}");
      assertEquals(ret("qmp-io", "\"p1\""), c.line()); // 7 queued: still read
      assertEquals(7, s.queuedRequests());
      c.send("{\"execute\":\"echo\",\"arguments\":{\"key\":\"e8\"},\"id\":8}{\"exec-oob\":\"oob-ping\",\"id\":\"p2\"}");
      until("the 8th request is queued", () -> s.queuedRequests() == 8);
      ioBarrier(other); // the I/O thread is done with c's input: p2 was not read
      release.release();
      // Had p2 been read, its reply would precede b's.
      assertEquals("{\"return\": {}, \"id\": \"b\"}", c.line());
      List<String> rest = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        rest.add(c.line());
      }
      assertTrue(rest.remove(ret("qmp-io", "\"p2\"")), rest.toString());
      for (int i = 1; i <= 8; i++) {
        assertEquals(ret("e" + i, Integer.toString(i)), rest.get(i - 1));
      }
    }
  }

  /** Without {@code oob}: the session is not read while a request of its own waits or runs. */
  @Test
  void withoutOobOneRequestAtATime() throws IOException {
    QmpServer s = server();
    try (RawClient c = connect(s, false); RawClient other = connect(s, true)) {
      c.send("{\"execute\":\"block\",\"id\":\"b\"}{\"execute\":\"count\",\"id\":\"c\"}");
      acquire(blockStarted);
      ioBarrier(other);
      assertEquals(0, s.queuedRequests()); // count was not read
      release.release();
      assertEquals("{\"return\": {}, \"id\": \"b\"}", c.line());
      assertEquals(ret("1", "\"c\""), c.line());
    }
  }

  // ---------------------------------------------------------------- asynchronous commands

  @Test
  void asynchronousRepliesLeaveInRequestOrder() throws IOException {
    QmpServer s = server();
    try (RawClient c = connect(s, true); RawClient other = connect(s, false)) {
      c.send("{\"execute\":\"defer\",\"arguments\":{\"key\":\"k1\"},\"id\":1}"
          + "{\"execute\":\"defer\",\"arguments\":{\"key\":\"k2\"},\"id\":2}"
          + "{\"execute\":\"defer\",\"arguments\":{\"key\":\"k3\"},\"id\":3}"
          + "{\"execute\":\"count\",\"id\":4}");
      acquire(stageCreated, 3);
      // The dispatcher went on: the request after them ran, and other sessions are served.
      until("count has run", () -> counter.get() == 1);
      assertEquals(3, s.pendingCommands());
      assertEquals(ret("ok", "\"o\""), other.call("{\"execute\":\"echo\",\"arguments\":{\"key\":\"ok\"},\"id\":\"o\"}"));
      // Out of order: 3, then 2. Nothing may be sent before 1.
      stages.get("k3").complete("three");
      stages.get("k2").complete("two");
      assertEquals(ret("qmp-io", "\"p\""), c.call("{\"exec-oob\":\"oob-ping\",\"id\":\"p\"}"));
      stages.get("k1").complete("one");
      assertEquals(ret("one", "1"), c.line());
      assertEquals(ret("two", "2"), c.line());
      assertEquals(ret("three", "3"), c.line());
      assertEquals(ret("1", "4"), c.line());
      assertEquals(0, s.pendingCommands());
    }
  }

  /** At most 64 replies may be owed to a session: beyond that it is not read, OOB included. */
  @Test
  void aSessionOwedSixtyFourRepliesIsNotRead() throws IOException {
    QmpServer s = server();
    try (RawClient c = connect(s, true); RawClient other = connect(s, true)) {
      StringBuilder many = new StringBuilder();
      for (int i = 1; i <= 64; i++) {
        many.append("{\"execute\":\"defer\",\"arguments\":{\"key\":\"k").append(i).append("\"},\"id\":").append(i).append('}');
      }
      c.send(many + "{\"execute\":\"echo\",\"arguments\":{\"key\":\"e\"},\"id\":65}{\"exec-oob\":\"oob-ping\",\"id\":\"p\"}");
      acquire(stageCreated, 64);
      until("64 are pending", () -> s.pendingCommands() == 64);
      ioBarrier(other);
      assertEquals(0, s.queuedRequests()); // the 65th was not read
      // One reply sent frees one place, which the 65th request takes; a second lets p in.
      stages.get("k1").complete("1");
      assertEquals(ret("1", "1"), c.line());
      stages.get("k2").complete("2");
      assertEquals(ret("2", "2"), c.line());
      assertEquals(ret("qmp-io", "\"p\""), c.line());
      for (int i = 3; i <= 64; i++) {
        stages.get("k" + i).complete(Integer.toString(i));
        assertEquals(ret(Integer.toString(i), Integer.toString(i)), c.line());
      }
      assertEquals(ret("e", "65"), c.line());
    }
  }

  @Test
  void asynchronousFailuresSuccessResponseFalseAndCompletionOnTheMainLoop() throws Exception {
    QmpServer s = server();
    try (RawClient c = connect(s, true)) {
      c.send("{\"execute\":\"defer\",\"arguments\":{\"key\":\"qmp\"},\"id\":1}"
          + "{\"execute\":\"defer\",\"arguments\":{\"key\":\"npe\"},\"id\":2}"
          + "{\"execute\":\"defer-quiet\",\"arguments\":{\"key\":\"quiet\"},\"id\":3}"
          + "{\"execute\":\"defer-quiet\",\"arguments\":{\"key\":\"quiet-fails\"},\"id\":4}"
          + "{\"execute\":\"defer\",\"arguments\":{\"key\":\"null\"},\"id\":5}");
      acquire(stageCreated, 5);
      stages.get("qmp").completeExceptionally(new QmpError(ErrorClass.DeviceNotFound, "Device 'x' not found"));
      stages.get("npe").completeExceptionally(new IllegalStateException("the handler broke later"));
      stages.get("quiet").complete("nothing is sent");
      stages.get("quiet-fails").completeExceptionally(new QmpError("quiet, but failed"));
      // Completed from the main loop, as an application usually does.
      s.mainLoop().execute(() -> stages.get("null").complete(null));
      assertEquals(error("DeviceNotFound", "Device 'x' not found", "1"), c.line());
      assertEquals(error("GenericError", "Command 'defer' failed unexpectedly", "2"), c.line());
      assertEquals(error("GenericError", "quiet, but failed", "4"), c.line());
      assertEquals(error("GenericError", "Command 'defer' failed unexpectedly", "5"), c.line()); // a NullPointerException
    }
  }

  @Test
  void disconnectCancelsPendingCommands() throws Exception {
    QmpServer s = server();
    CountDownLatch cancelled = new CountDownLatch(2);
    RawClient c = connect(s, true);
    c.send("{\"execute\":\"defer\",\"arguments\":{\"key\":\"a\"},\"id\":1}"
        + "{\"execute\":\"defer-quiet\",\"arguments\":{\"key\":\"b\"},\"id\":2}");
    acquire(stageCreated, 2);
    for (String k : List.of("a", "b")) {
      stages.get(k).whenComplete((v, e) -> {
        if (e instanceof CancellationException) {
          cancelled.countDown();
        }
      });
    }
    until("both are pending", () -> s.pendingCommands() == 2);
    c.close();
    await(cancelled); // the handler observes it
    assertTrue(stages.get("a").isCancelled());
    until("the session forgot its commands", () -> s.pendingCommands() == 0 && s.sessionCount() == 0);
  }

  // ---------------------------------------------------------------- coroutines

  @Test
  void aCoroutineLetsTheMainLoopRunButKeepsQmpSerialised() throws Exception {
    QmpServer s = server();
    try (RawClient c = connect(s, true); RawClient other = connect(s, true)) {
      c.send("{\"execute\":\"co-wait\",\"arguments\":{\"key\":\"co\"},\"id\":\"co\"}");
      acquire(stageCreated); // the coroutine waits
      other.send("{\"execute\":\"count\",\"id\":\"after\"}");
      until("the next request is queued", () -> s.queuedRequests() == 1);
      // A task submitted after that request runs while the coroutine waits...
      CountDownLatch taskRan = new CountDownLatch(1);
      s.mainLoop().execute(taskRan::countDown);
      await(taskRan);
      // ... but the request before it did not: its reply would precede this one.
      assertEquals(ret("qmp-io", "\"p\""), other.call("{\"exec-oob\":\"oob-ping\",\"id\":\"p\"}"));
      assertEquals(0, counter.get());
      stages.get("co").complete("resumed");
      assertEquals(ret("resumed on qmp-main-loop", "\"co\""), c.line());
      assertEquals(ret("1", "\"after\""), other.line());
    }
  }

  @Test
  void aCoroutineGetsTheFailureOfWhatItAwaited() throws IOException {
    QmpServer s = server();
    try (RawClient c = connect(s, true)) {
      c.send("{\"execute\":\"co-wait\",\"arguments\":{\"key\":\"f\"},\"id\":1}");
      acquire(stageCreated);
      stages.get("f").completeExceptionally(new QmpError(ErrorClass.DeviceNotActive, "No balloon device has been activated"));
      assertEquals(error("DeviceNotActive", "No balloon device has been activated", "1"), c.line());
    }
  }

  @Test
  void awaitOutsideACoroutineCommandFailsAtOnce() throws IOException {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Coroutine.await(new CompletableFuture<String>()));
    assertEquals("Coroutine.await() may only be called by a command declared @Command(coroutine = true),"
        + " while it runs; no QMP command runs on thread '" + Thread.currentThread().getName() + "'", e.getMessage());
    QmpServer s = server();
    try (RawClient c = connect(s, true)) {
      // The handler got the IllegalStateException saying why; the client, that the command failed.
      assertEquals(error("GenericError", "Command 'not-co' failed unexpectedly", "1"),
          c.call("{\"execute\":\"not-co\",\"id\":1}"));
      // A main-loop task is not a command either.
      CompletableFuture<String> fromTask = new CompletableFuture<>();
      s.mainLoop().execute(() -> {
        try {
          Coroutine.await(CompletableFuture.completedFuture("x"));
          fromTask.complete("awaited");
        } catch (IllegalStateException ex) {
          fromTask.complete(ex.getMessage());
        }
      });
      assertTrue(fromTask.join().endsWith("no QMP command runs on thread 'qmp-main-loop'"), fromTask.join());
    }
  }

  // ---------------------------------------------------------------- success-response, preconfig, legacy OOB

  @Test
  void successResponseFalseSendsOnlyErrors() throws IOException {
    QmpServer s = server();
    try (RawClient c = connect(s, true)) {
      assertEquals(ret("next", "2"),
          c.call("{\"execute\":\"quiet\",\"id\":1}{\"execute\":\"echo\",\"arguments\":{\"key\":\"next\"},\"id\":2}"));
      assertEquals(error("DeviceNotFound", "quiet failed", "3"),
          c.call("{\"execute\":\"quiet\",\"arguments\":{\"key\":\"fail\"},\"id\":3}"));
    }
  }

  @Test
  void preconfigAllowsOnlyAllowPreconfigCommands() throws IOException {
    QmpServer s = server(QmpServer.builder().preconfig(true));
    assertTrue(s.preconfig());
    try (RawClient c = connect(s, true)) {
      assertEquals(error("GenericError",
              "The command 'echo' is permitted only after machine initialization has completed", "1"),
          c.call("{\"execute\":\"echo\",\"arguments\":{\"key\":\"x\"},\"id\":1}"));
      // Out-of-band too, but the OOB check comes first (as QEMU's qmp_dispatch()).
      assertEquals(error("GenericError",
              "The command 'oob-ping' is permitted only after machine initialization has completed", "2"),
          c.call("{\"exec-oob\":\"oob-ping\",\"id\":2}"));
      assertEquals(error("GenericError", "The command echo does not support OOB", "3"),
          c.call("{\"exec-oob\":\"echo\",\"id\":3}"));
      assertEquals(error("CommandNotFound", "The command nope has not been found", "4"),
          c.call("{\"execute\":\"nope\",\"id\":4}"));
      assertEquals(ret("early", "5"), c.call("{\"execute\":\"early\",\"id\":5}"));
      s.exitPreconfig();
      assertEquals(ret("x", "6"), c.call("{\"execute\":\"echo\",\"arguments\":{\"key\":\"x\"},\"id\":6}"));
    }
  }

  @Test
  void legacyRunOobIsExecOobWhenAskedFor() throws IOException {
    QmpServer s = server(QmpServer.builder().legacyRunOob(true));
    try (RawClient plain = connect(s, false); RawClient c = connect(s, true)) {
      // Without oob negotiated, 'control' is as unexpected as with QEMU 7.2.
      assertEquals(error("GenericError", "QMP input member 'control' is unexpected", "0"),
          plain.call("{\"execute\":\"oob-ping\",\"control\":{\"run-oob\":true},\"id\":0}"));
      c.send("{\"execute\":\"block\",\"id\":\"b\"}");
      acquire(blockStarted);
      // Out of band: answered while the main loop is blocked, on the I/O thread.
      assertEquals(ret("qmp-io", "1"), c.call("{\"execute\":\"oob-ping\",\"control\":{\"run-oob\":true},\"id\":1}"));
      assertEquals(error("GenericError", "The command echo does not support OOB", "2"),
          c.call("{\"execute\":\"echo\",\"control\":{\"run-oob\":true},\"id\":2}"));
      c.send("{\"execute\":\"oob-ping\",\"control\":{\"run-oob\":false},\"id\":3}"
          + "{\"execute\":\"oob-ping\",\"control\":[],\"id\":4}");
      release.release();
      assertEquals("{\"return\": {}, \"id\": \"b\"}", c.line());
      assertEquals(ret("qmp-main-loop", "3"), c.line());
      assertEquals(error("GenericError", "QMP input member 'control' must be an object", "4"), c.line());
    }
  }

  @Test
  void anAsynchronousCommandCannotBeOutOfBandOrCoroutine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new QmpCommand("x", Set.of(QmpCommand.Flag.ASYNC, QmpCommand.Flag.ALLOW_OOB), a -> null));
    assertEquals("command x: an asynchronous command cannot be allow-oob or coroutine", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new QmpCommand("x", Set.of(QmpCommand.Flag.ASYNC, QmpCommand.Flag.COROUTINE), a -> null));
  }
}
