package org.qapi4j.samplevm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.samplevm.schema.MigrationCapability;
import org.qapi4j.samplevm.schema.MigrationCapabilityStatus;
import org.qapi4j.samplevm.schema.MigrationEvents;
import org.qapi4j.samplevm.schema.MigrationStatus;

/**
 * The destination side of a simulated postcopy migration ({@code -incoming URI}): the sample VM
 * listens on the URI, and the "source" — any client, a test — drives it over the connection with
 * lines of text (this is not QEMU's migration stream):
 *
 * <ul>
 *   <li>on connecting, the VM answers {@code ok active} (or {@code ok postcopy-active} when the
 *       connection recovers a paused postcopy migration);
 *   <li>{@code postcopy}: the guest starts running on the destination ({@code RESUME}, run state
 *       {@code running}) while its memory still arrives; answer {@code ok postcopy-active};
 *   <li>{@code complete}: everything arrived; answer {@code ok completed}, and the connection ends.
 * </ul>
 *
 * <p>If the connection breaks during postcopy — the source went away, {@code migrate-pause} or
 * {@code yank} shut it down — the migration is {@code postcopy-paused}: the guest cannot go on
 * without its memory, and {@code migrate-recover URI} listens for the source to come back. Before
 * postcopy, a broken connection fails the migration. {@code migrate-pause}, {@code migrate-recover}
 * and {@code yank} run out of band, on the I/O thread, so everything here is thread-safe.
 *
 * <p>Like QEMU, the VM sends {@code MIGRATION} with status {@code setup} when it starts listening
 * (also for a recovery), and every other status change only with the {@code events} capability on
 * ({@code migrate-set-capabilities}), in QEMU 7.2's order on the destination: {@code active} when
 * the source connects; {@code postcopy-active} before the guest resumes here ({@code RESUME});
 * {@code postcopy-paused} when the stream breaks; {@code postcopy-recover}, then
 * {@code postcopy-active}, when the source reconnects; {@code completed} (after {@code RESUME} when
 * the guest starts only now, at the end of a precopy migration); {@code failed} when the stream of
 * a precopy migration breaks (QEMU then exits; the sample VM stays).
 */
final class Migration {
  /** Looked up when first needed: {@code System.getLogger} costs a start-up some milliseconds. */
  private static System.Logger log() {
    return System.getLogger(Migration.class.getName());
  }

  /** What the machine does when the migration moves it. */
  interface Guest {
    /** Postcopy started: the guest runs on this side now. On the main loop. */
    void postcopyStarted();

    /** Every page arrived. On the main loop. */
    void completed(boolean afterPostcopy);
  }

  private final MigrationEvents events;
  private final Executor mainLoop;
  private final Guest guest;

  private MigrationStatus status = MigrationStatus.NONE; // guarded by this
  private final Set<MigrationCapability> capabilities = EnumSet.noneOf(MigrationCapability.class); // guarded by this
  private boolean recoverTriggered; // guarded by this
  private SocketChannel link; // guarded by this

  Migration(MigrationEvents events, Executor mainLoop, Guest guest) {
    this.events = events;
    this.mainLoop = mainLoop;
    this.guest = guest;
  }

  synchronized MigrationStatus status() {
    return status;
  }

  /** {@code migrate-set-capabilities}: the change is made whole, or not at all. */
  synchronized void setCapabilities(List<MigrationCapabilityStatus> changes) {
    // QEMU refuses a change while an outgoing migration runs; this machine's migrations are
    // incoming only, which QEMU does not look at.
    Set<MigrationCapability> next = capabilities.isEmpty()
        ? EnumSet.noneOf(MigrationCapability.class) : EnumSet.copyOf(capabilities);
    for (MigrationCapabilityStatus c : changes) {
      if (c.state()) {
        next.add(c.capability());
      } else {
        next.remove(c.capability());
      }
    }
    String problem = incompatibility(next);
    if (problem != null) {
      throw new QmpError(problem);
    }
    capabilities.clear();
    capabilities.addAll(next);
  }

  /** The capabilities {@code background-snapshot} excludes, in the order QEMU 7.2 looks for them. */
  private static final List<MigrationCapability> NOT_WITH_BACKGROUND_SNAPSHOT = List.of(
      MigrationCapability.POSTCOPY_RAM, MigrationCapability.DIRTY_BITMAPS, MigrationCapability.POSTCOPY_BLOCKTIME,
      MigrationCapability.LATE_BLOCK_ACTIVATE, MigrationCapability.RETURN_PATH, MigrationCapability.MULTIFD,
      MigrationCapability.PAUSE_BEFORE_SWITCHOVER, MigrationCapability.AUTO_CONVERGE, MigrationCapability.RELEASE_RAM,
      MigrationCapability.RDMA_PIN_ALL, MigrationCapability.COMPRESS, MigrationCapability.XBZRLE,
      MigrationCapability.X_COLO, MigrationCapability.VALIDATE_UUID, MigrationCapability.ZERO_COPY_SEND);

  /**
   * QEMU 7.2's {@code migrate_caps_check()} on the capabilities a change would leave: the first
   * combination it refuses, in its words, or null. (This machine has no TLS, and its host supports
   * postcopy and write tracking, as QEMU's does on this build host.)
   */
  private static String incompatibility(Set<MigrationCapability> caps) {
    if (caps.contains(MigrationCapability.POSTCOPY_RAM) && caps.contains(MigrationCapability.X_IGNORE_SHARED)) {
      return "Postcopy is not compatible with ignore-shared";
    }
    if (caps.contains(MigrationCapability.BACKGROUND_SNAPSHOT)) {
      for (MigrationCapability c : NOT_WITH_BACKGROUND_SNAPSHOT) {
        if (caps.contains(c)) {
          return "Background-snapshot is not compatible with " + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
      }
    }
    if (caps.contains(MigrationCapability.ZERO_COPY_SEND) && (!caps.contains(MigrationCapability.MULTIFD)
        || caps.contains(MigrationCapability.COMPRESS) || caps.contains(MigrationCapability.XBZRLE))) {
      return "Zero copy only available for non-compressed non-TLS multifd migration";
    }
    if (caps.contains(MigrationCapability.POSTCOPY_PREEMPT)) {
      if (!caps.contains(MigrationCapability.POSTCOPY_RAM)) {
        return "Postcopy preempt requires postcopy-ram";
      }
      if (caps.contains(MigrationCapability.COMPRESS)) {
        return "Postcopy preempt not compatible with compress";
      }
    }
    if (caps.contains(MigrationCapability.MULTIFD) && caps.contains(MigrationCapability.COMPRESS)) {
      return "Multifd is not compatible with compress";
    }
    return null;
  }

  /** {@code query-migrate-capabilities}: all of them, in QEMU's order. */
  synchronized List<MigrationCapabilityStatus> capabilities() {
    List<MigrationCapabilityStatus> all = new ArrayList<>();
    for (MigrationCapability c : MigrationCapability.values()) {
      all.add(new MigrationCapabilityStatus(c, capabilities.contains(c)));
    }
    return all;
  }

  /**
   * QEMU's {@code migrate_set_state()}: the new status, said with {@code MIGRATION} if the
   * {@code events} capability is on. Call holding the lock.
   */
  private void setStatus(MigrationStatus next) {
    status = next;
    if (capabilities.contains(MigrationCapability.EVENTS)) {
      events.migration(next);
    }
  }

  /** While a migration is in progress, QEMU's yank instance {@code migration} exists. */
  synchronized boolean yankable() {
    return switch (status) {
      case SETUP, ACTIVE, POSTCOPY_ACTIVE, POSTCOPY_PAUSED, POSTCOPY_RECOVER -> true;
      default -> false;
    };
  }

  /** {@code -incoming URI}: listens; the message of the exception is QEMU's. */
  void startIncoming(String uri) {
    ServerSocketChannel listener;
    synchronized (this) {
      status = MigrationStatus.SETUP;
      events.migration(MigrationStatus.SETUP);
      listener = listen(uri);
    }
    accept(listener, false);
  }

  /** {@code migrate-pause}, out of band: shuts the stream down; the migration can be recovered. */
  void pause() {
    SocketChannel broken;
    synchronized (this) {
      if (status != MigrationStatus.POSTCOPY_ACTIVE) {
        throw new QmpError("migrate-pause is currently only supported during postcopy-active state");
      }
      setStatus(MigrationStatus.POSTCOPY_PAUSED);
      broken = link;
      link = null;
    }
    shutdown(broken);
  }

  /** {@code migrate-recover}, out of band: listens for the source of a paused migration. */
  void recover(String uri) {
    ServerSocketChannel listener;
    synchronized (this) {
      if (status != MigrationStatus.POSTCOPY_PAUSED) {
        throw new QmpError("Migrate recover can only be run when postcopy is paused.");
      }
      if (recoverTriggered) {
        throw new QmpError("Migrate recovery is triggered already");
      }
      recoverTriggered = true;
      events.migration(MigrationStatus.SETUP); // as qemu_start_incoming_migration() sends it
      try {
        listener = listen(uri);
      } catch (QmpError e) {
        recoverTriggered = false;
        throw e;
      }
    }
    accept(listener, true);
  }

  /** QEMU's yank function of the migration: shuts its connection down. */
  void yank() {
    SocketChannel broken;
    synchronized (this) {
      broken = link;
      link = null;
      if (broken != null) {
        setStatus(status == MigrationStatus.POSTCOPY_ACTIVE ? MigrationStatus.POSTCOPY_PAUSED : MigrationStatus.FAILED);
      }
    }
    shutdown(broken);
  }

  /** QEMU's {@code qemu_start_incoming_migration()} for the socket protocols. */
  private static ServerSocketChannel listen(String uri) {
    SocketAddress address;
    ServerSocketChannel listener;
    try {
      if (uri.startsWith("tcp:")) {
        String hostPort = uri.substring("tcp:".length());
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "" : hostPort.substring(colon + 1);
        int number;
        try {
          number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
          throw new QmpError("address resolution failed for " + hostPort + ": Servname not supported for ai_socktype");
        }
        try {
          address = new InetSocketAddress(InetAddress.getByName(host.isEmpty() ? "0.0.0.0" : host), number);
        } catch (UnknownHostException e) {
          throw new QmpError("address resolution failed for " + hostPort + ": Name or service not known");
        }
        listener = ServerSocketChannel.open();
        listener.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
      } else if (uri.startsWith("unix:")) {
        Path path = Path.of(uri.substring("unix:".length()));
        Files.deleteIfExists(path);
        address = UnixDomainSocketAddress.of(path);
        listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      } else {
        throw new QmpError("unknown migration protocol: " + uri);
      }
    } catch (IOException e) {
      throw new QmpError("Failed to create a socket for " + uri + ": " + Errno.text(e));
    }
    try {
      listener.bind(address);
      return listener;
    } catch (IOException e) {
      try {
        listener.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
      String where = address instanceof UnixDomainSocketAddress u ? " to " + u.getPath() : "";
      throw new QmpError("Failed to bind socket" + where + ": " + Errno.text(e));
    }
  }

  /** Waits for the source on a thread of its own (QEMU's incoming migration thread). */
  private void accept(ServerSocketChannel listener, boolean recovery) {
    Thread t = new Thread(() -> serve(listener, recovery), "migration-incoming");
    t.setDaemon(true);
    t.start();
  }

  private void serve(ServerSocketChannel listener, boolean recovery) {
    SocketChannel channel;
    try (listener) {
      channel = listener.accept();
    } catch (IOException e) {
      log().log(System.Logger.Level.WARNING, "incoming migration: accept failed", e);
      return;
    }
    MigrationStatus now;
    synchronized (this) {
      link = channel;
      if (recovery) {
        recoverTriggered = false;
        setStatus(MigrationStatus.POSTCOPY_RECOVER); // the handshake of a recovery, at once here
      }
      setStatus(recovery ? MigrationStatus.POSTCOPY_ACTIVE : MigrationStatus.ACTIVE);
      now = status;
    }
    try {
      answer(channel, "ok " + wire(now));
      BufferedReader in = new BufferedReader(
          new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        switch (line.strip()) {
          case "postcopy" -> answer(channel, startPostcopy(channel));
          case "complete" -> {
            String answer = complete(channel);
            answer(channel, answer);
            if (answer.equals("ok completed")) {
              channel.close();
              return;
            }
          }
          default -> answer(channel, "error unknown request '" + line.strip() + "'");
        }
      }
    } catch (IOException e) {
      log().log(System.Logger.Level.DEBUG, "incoming migration: connection ended", e);
    }
    lost(channel);
  }

  /** QEMU's postcopy "listen" (the status changes), then "run" (the guest starts here). */
  private String startPostcopy(SocketChannel channel) {
    synchronized (this) {
      if (link != channel || status != MigrationStatus.ACTIVE) {
        return "error not in status active";
      }
      setStatus(MigrationStatus.POSTCOPY_ACTIVE);
    }
    onMainLoop(guest::postcopyStarted);
    synchronized (this) {
      return link == channel ? "ok postcopy-active" : "error connection lost";
    }
  }

  private String complete(SocketChannel channel) {
    boolean afterPostcopy;
    synchronized (this) {
      if (link != channel || (status != MigrationStatus.ACTIVE && status != MigrationStatus.POSTCOPY_ACTIVE)) {
        return "error not migrating";
      }
      afterPostcopy = status == MigrationStatus.POSTCOPY_ACTIVE;
      link = null;
      if (afterPostcopy) {
        setStatus(MigrationStatus.COMPLETED); // the guest runs here already
      } else {
        status = MigrationStatus.COMPLETED; // said once the guest started (QEMU's bottom half)
      }
    }
    onMainLoop(() -> {
      guest.completed(afterPostcopy);
      if (!afterPostcopy) {
        synchronized (this) {
          setStatus(MigrationStatus.COMPLETED);
        }
      }
    });
    return "ok completed";
  }

  /** The connection broke: postcopy pauses, precopy fails (unless it was shut down on purpose). */
  private void lost(SocketChannel channel) {
    synchronized (this) {
      if (link == channel) {
        link = null;
        setStatus(status == MigrationStatus.POSTCOPY_ACTIVE ? MigrationStatus.POSTCOPY_PAUSED : MigrationStatus.FAILED);
      }
    }
    shutdown(channel);
  }

  private void onMainLoop(Runnable task) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    mainLoop.execute(() -> {
      try {
        task.run();
      } finally {
        done.complete(null);
      }
    });
    done.join();
  }

  private static void answer(SocketChannel channel, String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  private static void shutdown(SocketChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        log().log(System.Logger.Level.DEBUG, "close failed", e);
      }
    }
  }

  private static String wire(MigrationStatus s) {
    return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
