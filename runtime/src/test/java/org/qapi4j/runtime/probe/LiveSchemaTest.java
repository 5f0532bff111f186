package org.qapi4j.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qapi4j.runtime.probe.PathResult.Status;
import org.qapi4j.testsupport.Peers;

/**
 * libvirt's queries (from its virQEMUCapsQMPSchemaQueries and the queries its code makes) against
 * the installed qemu-system-x86_64's own query-qmp-schema; skipped without it ({@link Peers}).
 */
class LiveSchemaTest {
  private static IntrospectedSchema live;

  @BeforeAll
  static void ask() {
    live = IntrospectedSchema.parse(Peers.queryQmpSchema());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "blockdev-add/arg-type/+file/aio/^io_uring",
      "block-commit/arg-type/*top",
      "chardev-add/arg-type/backend/+socket/data/reconnect",
      "query-display-options/ret-type/+egl-headless/rendernode",
      "nbd-server-start/arg-type/tls-authz",
      "migrate-set-parameters/arg-type/block-bitmap-mapping/bitmaps/transform",
      "blockdev-add/arg-type/+file/drop-cache",
      "blockdev-add/arg-type/+nbd/reconnect-delay",
      "blockdev-add/arg-type/+rbd/encrypt/format/^luks",
      "blockdev-snapshot/$allow-write-only-overlay",
      "blockdev-reopen/arg-type/options",
      "block-stream/arg-type/*backing-file",
      "netdev_add/arg-type/+stream/addr",
      "object-add/arg-type/+memory-backend-file/reserve",
      "query-named-block-nodes/arg-type/flat",
      "screendump/arg-type/format/^png",
      "set-action/arg-type/*panic/^exit-failure",
      "migrate/arg-type/resume",
      "query-cpu-model-expansion/ret-type/model/props/!value",
      "query-hotpluggable-cpus/ret-type/props/die-id",
      "device_add/$json-cli-hotplug",
      "object-add/arg-type/qom-type/^memory-backend-epc",
      "chardev-add/arg-type/backend/+socket/data/addr/+unix/data/abstract",
      "query-machines/ret-type/default-ram-id",
      "BLOCK_JOB_COMPLETED",
      "MEMORY_DEVICE_SIZE_CHANGE/arg-type/qom-path",
      "query-version/ret-type/qemu/major/!int",
      "qom-get/ret-type/!value"})
  void libvirtQueries(String path) {
    assertTrue(live.exists(path), path);
  }

  /** What libvirt asks of later QEMUs (none of it in 7.2's qapi/*.json). */
  @ParameterizedTest
  @ValueSource(strings = {
      "blockdev-add/arg-type/+qcow2/discard-no-unref",
      "blockdev-add/arg-type/+rbd/encrypt/format/^luks-any",
      "block-stream/arg-type/*backing-mask-protocol",
      "query-cpu-model-expansion/ret-type/deprecated-props"})
  void newerThan72(String path) {
    assertFalse(live.exists(path), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "blockdev-add/arg-type/+file/aio/^no_such_engine",
      "block-commit/arg-type/*device", // 'device' is not optional
      "block-commit/arg-type/*nosuch",
      "blockdev-add/arg-type/+nosuchdriver",
      "no-such-command",
      "query-version/ret-type/qemu/major/!string",
      "query-status/arg-type/*running",
      "blockdev-add/$no-such-feature",
      "BLOCK_JOB_COMPLETED/ret-type"})
  void falseOnes(String path) {
    assertFalse(live.exists(path), path);
  }

  @Test
  void entriesAndErrors() {
    assertTrue(live.commands().contains("query-qmp-schema"));
    assertTrue(live.events().contains("SHUTDOWN"));
    assertEquals("command", IntrospectedSchema.string(live.get("blockdev-add").orElseThrow(), "meta-type"));
    assertEquals("enum", IntrospectedSchema.string(
        live.get("blockdev-add/arg-type/+file/aio").orElseThrow(), "meta-type"));
    assertEquals(Status.MALFORMED_QUERY, live.query("blockdev-add/arg-type/+file/aio/^native/x").status());
  }

  /** The live schema against itself: nothing missing, nothing added. Also its size and speed. */
  @Test
  void itselfNothing() {
    long t0 = System.nanoTime();
    IntrospectedSchema again = IntrospectedSchema.parse(Peers.queryQmpSchema());
    long t1 = System.nanoTime();
    Set<String> paths = again.paths();
    long t2 = System.nanoTime();
    SchemaDifference d = SchemaDifference.compare(live, again);
    long t3 = System.nanoTime();
    assertTrue(d.isEmpty(), d.toString());
    assertTrue(paths.contains("blockdev-add/arg-type/+file/aio/^io_uring"));
    for (String p : paths) {
      assertTrue(again.exists(p), p);
    }
    long t4 = System.nanoTime();
    System.out.printf("live schema: %d entries, %d commands, %d events, %d paths; parse %d ms, paths %d ms,"
        + " compare %d ms, exists() on every path %d ms%n", again.entries().size(), again.commands().size(),
        again.events().size(), paths.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
        (t4 - t3) / 1_000_000);
  }
}
