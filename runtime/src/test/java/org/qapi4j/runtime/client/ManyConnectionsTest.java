package org.qapi4j.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** 1,000 connections in one JVM share the client's threads: none per connection. */
@Timeout(120)
class ManyConnectionsTest {
  private static final int CONNECTIONS = 1000;

  @TempDir Path dir;

  @Test
  void aThousandConnectionsShareTheIoThread() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (ServerFixture fixture = new ServerFixture(dir, null)) {
      Duration timeout = Duration.ofSeconds(30);
      try (QmpClient warm = QmpClient.connect(fixture.address(), timeout)) { // the shared threads start
        warm.execute("echo-int", Map.of("value", 0));
      }
      long heapBefore = usedHeap();
      int before = threads.getThreadCount();

      List<QmpClient> clients = new ArrayList<>();
      try {
        for (int i = 0; i < CONNECTIONS; i++) {
          clients.add(QmpClient.connect(fixture.address(), timeout));
        }
        for (int i = 0; i < CONNECTIONS; i++) {
          assertEquals("{\"value\": " + i + "}", Json.toText(clients.get(i).execute("echo-int", Map.of("value", i))));
        }
        int afterBlocking = threads.getThreadCount();
        long heapAfter = usedHeap();
        // asynchronous calls on every connection at once: completions run on the bounded callback pool
        List<CompletableFuture<org.qapi4j.runtime.json.JsonValue>> futures = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
          futures.add(clients.get(i).executeAsync("echo-int", Map.of("value", -i)));
        }
        for (int i = 0; i < CONNECTIONS; i++) {
          assertEquals(-i, Json.int64(Json.member(futures.get(i).get(30, TimeUnit.SECONDS), "value")));
        }
        int afterAsync = threads.getThreadCount();
        assertEquals(CONNECTIONS, fixture.server.sessionCount());
        System.out.printf("client: %d connections: threads %d -> %d (blocking calls) -> %d (async calls); "
                + "heap used %.1f -> %.1f MiB (%.1f KiB per connection, client and server side)%n",
            CONNECTIONS, before, afterBlocking, afterAsync, heapBefore / 1048576.0, heapAfter / 1048576.0,
            (heapAfter - heapBefore) / 1024.0 / CONNECTIONS);
        assertTrue(afterBlocking - before <= 2, "threads grew from " + before + " to " + afterBlocking);
        assertTrue(afterAsync - before <= 2 + ClientIo.CALLBACK_THREADS,
            "threads grew from " + before + " to " + afterAsync);
      } finally {
        for (QmpClient c : clients) {
          c.close();
        }
      }
    }
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return r.totalMemory() - r.freeMemory();
  }
}
