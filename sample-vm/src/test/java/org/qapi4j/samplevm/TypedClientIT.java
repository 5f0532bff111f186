package org.qapi4j.samplevm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qapi4j.runtime.client.CallOptions;
import org.qapi4j.runtime.client.QmpConnectionException;
import org.qapi4j.runtime.client.QmpException;
import org.qapi4j.runtime.client.QmpTimeoutException;
import org.qapi4j.runtime.client.TrafficLog;
import org.qapi4j.samplevm.schema.BlockCommands;
import org.qapi4j.samplevm.schema.ControlCommands;
import org.qapi4j.samplevm.schema.DumpCommands;
import org.qapi4j.samplevm.schema.DumpEvents;
import org.qapi4j.samplevm.schema.DumpEvents_Listener;
import org.qapi4j.samplevm.schema.MigrationCommands;
import org.qapi4j.samplevm.schema.MiscCommands;
import org.qapi4j.samplevm.schema.MiscCommands_Async;
import org.qapi4j.samplevm.schema.MiscEvents;
import org.qapi4j.samplevm.schema.MiscEvents_Listener;
import org.qapi4j.samplevm.schema.NameInfo;
import org.qapi4j.samplevm.schema.RunState;
import org.qapi4j.samplevm.schema.RunStateCommands;
import org.qapi4j.samplevm.schema.RunStateCommands_Async;
import org.qapi4j.samplevm.schema.RunStateEvents;
import org.qapi4j.samplevm.schema.RunStateEvents_Listener;
import org.qapi4j.samplevm.schema.StatusInfo;
import org.qapi4j.samplevm.schema.TestCommands;
import org.qapi4j.samplevm.schema.TestCommands_Async;
import org.qapi4j.samplevm.schema.VersionInfo;
import org.qapi4j.samplevm.schema.VersionTriple;
import org.qapi4j.testsupport.Stopped;

/**
 * The typed client the processor generates from the sample VM's schema, against the sample VM:
 * every kind of command (in-band, out-of-band while the main loop is blocked, coroutine, a
 * deferred reply, no success response), errors, typed events, calls pipelined from many threads,
 * and a stopped and a killed server.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TypedClientIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private Emulator vm;
  private org.qapi4j.runtime.client.QmpClient qmp;
  private final List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

  private org.qapi4j.runtime.client.QmpClient start(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("-test-commands"));
    all.addAll(List.of(args));
    vm = Emulator.start(Emulator.Kind.SAMPLE_VM, dir, 1, all.toArray(String[]::new));
    vm.connect(0).close(); // it listens
    qmp = connect(WAIT);
    return qmp;
  }

  private org.qapi4j.runtime.client.QmpClient connect(Duration timeout) {
    return org.qapi4j.runtime.client.QmpClient.Options.builder()
        .timeout(timeout)
        .trafficLog(new TrafficLog() {
          @Override
          public void sent(java.time.Instant time, byte[] message) {
            sent.add(new String(message, StandardCharsets.UTF_8));
          }

          @Override
          public void received(java.time.Instant time, byte[] message) {}
        })
        .connect(UnixDomainSocketAddress.of(Emulator.socket(dir, 0)));
  }

  @AfterEach
  void stop() throws IOException {
    if (qmp != null) {
      qmp.close();
    }
    if (vm != null) {
      new ProcessBuilder("kill", "-CONT", Long.toString(vm.process().pid())).start();
      vm.close();
    }
  }

  /** The request sent for {@code command}, without its id. */
  private String request(String command) {
    return sent.stream().filter(s -> s.contains("\"" + command + "\"")).reduce((a, b) -> b).orElseThrow()
        .replaceAll(", \"id\": \\d+", "");
  }

  @Test
  void typedCallsReturnTypedResults() throws Exception {
    start();
    assertEquals(new StatusInfo(true, false, RunState.RUNNING), qmp.commands(RunStateCommands.class).queryStatus());
    VersionInfo version = qmp.commands(ControlCommands.class).queryVersion();
    assertEquals(new VersionTriple(7, 2, 0), version.qemu());
    assertEquals(qmp.greeting().pkg(), version.pkg());
    assertEquals(new NameInfo(null), qmp.commands(MiscCommands.class).queryName());
    assertEquals(21, qmp.commands(MigrationCommands.class).queryMigrateCapabilities().size());
    // The same instance for every caller.
    assertTrue(qmp.commands(RunStateCommands.class) == qmp.commands(RunStateCommands.class));
  }

  @Test
  void errorsCarryTheirClassAndOutOfBandCommandsAreSentSo() throws Exception {
    start();
    QmpException e = assertThrows(QmpException.class, () -> qmp.commands(MigrationCommands.class).migratePause());
    assertEquals("GenericError", e.errorClass());
    assertEquals("migrate-pause is currently only supported during postcopy-active state",
        e.getMessage());
    assertEquals("{\"exec-oob\": \"migrate-pause\"}", request("migrate-pause"));
    QmpException resize = assertThrows(QmpException.class,
        () -> qmp.commands(BlockCommands.class).blockResize("nothing", null, 1));
    assertEquals("GenericError", resize.errorClass());
    assertEquals("Cannot find device='nothing' nor node-name=''", resize.getMessage());
  }

  @Test
  void outOfBandIsServedWhileTheMainLoopIsBlocked() throws Exception {
    start();
    CompletableFuture<Void> blocked = qmp.commands(TestCommands_Async.class).xTestBlockMainLoop();
    CompletableFuture<StatusInfo> behind = qmp.commands(RunStateCommands_Async.class).queryStatus();
    // Sent in-band, the release would wait behind the blocked command forever.
    qmp.commands(TestCommands.class).xTestReleaseMainLoop();
    assertEquals("{\"exec-oob\": \"x-test-release-main-loop\"}", request("x-test-release-main-loop"));
    blocked.get(30, TimeUnit.SECONDS);
    assertEquals(RunState.RUNNING, behind.get(30, TimeUnit.SECONDS).status());
  }

  @Test
  void aCoroutineCommandWithOptionalArgumentsLeftOut() throws Exception {
    Path image = dir.resolve("disk.img");
    Files.write(image, new byte[1 << 20]);
    start("-blockdev", "driver=file,node-name=disk0,filename=" + image);
    qmp.commands(BlockCommands.class).blockResize(null, "disk0", 1000);
    assertEquals(1000, Files.size(image));
    assertEquals("{\"execute\": \"block_resize\", \"arguments\": {\"node-name\": \"disk0\", \"size\": 1000}}",
        request("block_resize"));
  }

  @Test
  void aDeferredReplyAndItsTypedEvent() throws Exception {
    start();
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    qmp.listen(DumpEvents.class, new DumpEvents_Listener() {
      @Override
      public void dumpCompleted(DumpCommands.DumpQueryResult result, String error) {
        seen.add(result + " " + error);
      }
    });
    Path dump = dir.resolve("guest.core");
    qmp.commands(DumpCommands.class).dumpGuestMemory(false, "file:" + dump, null, null, null, null)
        .toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertEquals(120 + Machine.RAM_SIZE, Files.size(dump));
    assertEquals("DumpQueryResult[status=COMPLETED, completed=134217728, total=134217728] null",
        seen.poll(30, TimeUnit.SECONDS));
  }

  @Test
  void typedEventsAndACommandWithoutSuccessResponse() throws Exception {
    start();
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    qmp.listen(RunStateEvents.class, new RunStateEvents_Listener() {
      @Override
      public void stop() {
        seen.add("STOP");
      }

      @Override
      public void resume() {
        seen.add("RESUME");
      }
    });
    qmp.listen(MiscEvents.class, new MiscEvents_Listener() {
      @Override
      public void rtcChange(long offset, String qomPath) {
        seen.add("RTC_CHANGE " + offset + " " + qomPath);
      }
    });
    MiscCommands misc = qmp.commands(MiscCommands.class);
    misc.stop();
    assertEquals("STOP", seen.poll(30, TimeUnit.SECONDS));
    misc.cont();
    assertEquals("RESUME", seen.poll(30, TimeUnit.SECONDS));
    // No reply comes: the call completes once the request is written, and the event shows it ran.
    qmp.commands(TestCommands.class).xTestSetRtcSilently(42);
    assertEquals("RTC_CHANGE 42 /machine/unattached/device[9]", seen.poll(30, TimeUnit.SECONDS));
    assertEquals(0, qmp.pendingCalls());
  }

  @Test
  void tenThousandCallsFromEightThreadsEachGetItsOwnReply() throws Exception {
    start();
    RunStateCommands_Async status = qmp.commands(RunStateCommands_Async.class);
    MiscCommands_Async misc = qmp.commands(MiscCommands_Async.class);
    MigrationCommands migration = qmp.commands(MigrationCommands.class);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger matched = new java.util.concurrent.atomic.AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    for (int t = 0; t < 8; t++) {
      int thread = t;
      threads.add(new Thread(() -> {
        try {
          go.await();
          List<CompletableFuture<Boolean>> calls = new ArrayList<>();
          for (int i = 0; i < 1250; i++) {
            switch ((thread + i) % 3) {
              case 0 -> calls.add(status.queryStatus().thenApply(s -> s.status() == RunState.RUNNING && s.running()));
              case 1 -> calls.add(misc.queryName().thenApply(n -> n.name() == null));
              default -> calls.add(CompletableFuture.completedFuture(
                  migration.queryMigrateCapabilities().size() == 21)); // blocking, between the others
            }
          }
          for (CompletableFuture<Boolean> c : calls) {
            if (c.get(60, TimeUnit.SECONDS)) {
              matched.incrementAndGet();
            }
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(List.of(), failures);
    assertEquals(10_000, matched.get());
    assertEquals(0, qmp.pendingCalls());
    assertEquals(0, qmp.unmatchedReplies());
  }

  @Test
  void aStoppedServerTimesOutCallsAndConnectionsThenServesAgain() throws Exception {
    start();
    RunStateCommands commands = qmp.commands(RunStateCommands.class);
    assertEquals(RunState.RUNNING, commands.queryStatus().status());
    Stopped stopped = Stopped.stop(vm.process().pid());
    // Short deadlines only where they must pass: the calls a loaded machine merely slows keep the
    // client's default, so that the test fails for a server that does not answer, not a slow one.
    QmpTimeoutException call = assertThrows(QmpTimeoutException.class,
        () -> qmp.execute("query-status", null, CallOptions.withTimeout(Duration.ofMillis(500))));
    assertEquals("no reply to query-status within PT0.5S", call.getMessage());
    assertThrows(QmpTimeoutException.class, () -> connect(Duration.ofMillis(500)));
    stopped.close();
    // The late reply is dropped; the next call gets its own.
    assertEquals(new NameInfo(null), qmp.commands(MiscCommands.class).queryName());
    assertEquals(RunState.RUNNING, commands.queryStatus().status());
  }

  @Test
  void aKilledServerFailsEveryPendingCallAndEndsTheListeners() throws Exception {
    start();
    CompletableFuture<QmpConnectionException> ended = new CompletableFuture<>();
    qmp.listen(RunStateEvents.class, new RunStateEvents_Listener());
    qmp.subscribe(new org.qapi4j.runtime.client.EventListener() {
      @Override
      public void event(org.qapi4j.runtime.client.ReceivedEvent event) {}

      @Override
      public void end(QmpConnectionException cause) {
        ended.complete(cause);
      }
    });
    CompletableFuture<Void> blocked = qmp.commands(TestCommands_Async.class).xTestBlockMainLoop();
    CompletableFuture<StatusInfo> pending = qmp.commands(RunStateCommands_Async.class).queryStatus();
    vm.process().destroyForcibly().waitFor();
    for (CompletableFuture<?> f : List.of(blocked, pending)) {
      java.util.concurrent.ExecutionException e =
          assertThrows(java.util.concurrent.ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof QmpConnectionException, e.getCause().toString());
    }
    assertTrue(ended.get(30, TimeUnit.SECONDS) != null);
    assertFalse(qmp.isOpen());
    assertThrows(QmpConnectionException.class, () -> qmp.commands(RunStateCommands.class).queryStatus());
  }
}
