package org.qapi4j.runtime.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.qapi4j.runtime.internal.LazyLogger;
import org.qapi4j.runtime.json.JsonValue;

/**
 * The guest agent's opening, in place of QMP's greeting and negotiation: no greeting, no
 * capabilities, but {@code guest-sync-delimited}. On connect, after a call past its deadline, and
 * on {@link QmpClient#resync()}, the client writes byte 0xFF (which resets the agent's JSON parser)
 * and {@code {"execute": "guest-sync-delimited", "arguments": {"id": N}}} with a fresh random N,
 * then discards everything it receives up to the 0xFF the agent sends before its reply and that
 * reply, {@code {"return": N}} (a reply with another N, to an older sync, is discarded with what
 * precedes the next 0xFF).
 *
 * <p>Requests made meanwhile are held and sent, in order, once the agent answered. The agent
 * answers in order, so a resync waits until every request sent before it was answered or past
 * its deadline: their replies come before the 0xFF and would otherwise be skipped.
 *
 * <p>Replies are matched by id as in QMP: {@code qemu-ga} (7.2 at least) copies a request's
 * {@code id} into its reply, whatever its JSON type.
 */
final class GuestAgentSync implements QmpClient.Handshake {
  private static final System.Logger LOG = LazyLogger.of(GuestAgentSync.class);

  /** A request waiting for the end of a resync. */
  private record Held(long id, byte[] request, Runnable written) {}

  private final Transport transport;
  private final ClientIo io;
  private final Duration timeout;
  private final Runnable connected;
  private final Runnable opened;
  private final Object lock = new Object();
  private final ArrayDeque<Held> held = new ArrayDeque<>();
  /** Ids of requests sent while in sync and not answered yet. */
  private final Set<Long> inFlight = new HashSet<>();
  private final AtomicLong syncs = new AtomicLong();
  /** In sync: requests go out as they come. */
  private boolean synced;
  /** A resync is due as soon as nothing is in flight (even without held requests). */
  private boolean wanted;
  /** A sync request was sent and its reply not yet seen. */
  private boolean syncing;
  private long syncId;
  private ScheduledFuture<?> syncTimer;
  private boolean isOpen;
  /** The I/O thread's: a 0xFF came during a sync; the next message should be its reply. */
  private boolean afterMarker;
  /** A command without success response was written: the agent may now hang up. */
  private volatile String quietEnd;

  /**
   * {@code connected} runs when the connection is made, {@code opened} after the first successful
   * sync; both on the I/O thread.
   */
  GuestAgentSync(Transport transport, ClientIo io, Duration timeout, Runnable connected, Runnable opened) {
    this.transport = transport;
    this.io = io;
    this.timeout = timeout;
    this.connected = connected;
    this.opened = opened;
  }

  @Override
  public void connected() {
    connected.run();
    synchronized (lock) {
      wanted = true;
      startIfIdle();
    }
  }

  /**
   * Sends a request now, or holds it until the agent is in sync. False if the connection is
   * closed.
   */
  boolean send(long id, byte[] request, Runnable written) {
    synchronized (lock) {
      if (transport.closed()) {
        return false;
      }
      if (synced) {
        inFlight.add(id);
        if (!transport.send(request, written)) {
          inFlight.remove(id);
          return false;
        }
        return true;
      }
      held.addLast(new Held(id, request, written));
      startIfIdle();
      return true;
    }
  }

  /**
   * The call {@code id} is over: answered, written without success response, given up, or (when
   * {@code pastDeadline}) past its deadline, after which the agent must be resynchronised.
   */
  void finished(long id, boolean pastDeadline) {
    synchronized (lock) {
      boolean sent = inFlight.remove(id);
      if (!sent) {
        held.removeIf(h -> h.id == id);
      }
      if (pastDeadline && sent) {
        synced = false;
        wanted = true;
      }
      startIfIdle();
    }
  }

  /** Resynchronises as soon as no request is in flight; the next requests wait for it. */
  void resync() {
    synchronized (lock) {
      synced = false;
      wanted = true;
      startIfIdle();
    }
  }

  /** A command without success response ({@code guest-shutdown}...) was written. */
  void wroteWithoutResponse(String command) {
    quietEnd = command;
  }

  /** The command without success response after which the agent may hang up, or null. */
  String quietEnd() {
    return quietEnd;
  }

  /** How many sync requests were sent. */
  long syncs() {
    return syncs.get();
  }

  private void startIfIdle() {
    if (synced || syncing || !inFlight.isEmpty() || (!wanted && held.isEmpty()) || transport.closed()) {
      return;
    }
    long id = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
    syncing = true;
    syncId = id;
    syncs.incrementAndGet();
    byte[] body = ("{\"execute\": \"guest-sync-delimited\", \"arguments\": {\"id\": " + id + "}}\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[body.length + 1];
    request[0] = (byte) 0xFF;
    System.arraycopy(body, 0, request, 1, body.length);
    io.execute(() -> {
      afterMarker = false;
      transport.framer().skipToMarker(); // before the request goes: nothing of the reply is read yet
      transport.send(request, null);
    });
    syncTimer = io.timer.schedule(() -> syncTimedOut(id), timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void syncTimedOut(long id) {
    synchronized (lock) {
      if (!syncing || syncId != id) {
        return;
      }
      syncing = false;
      wanted = false; // a new sync when a call wants one
      if (transport.closed()) {
        return;
      }
      LOG.log(System.Logger.Level.WARNING, "no reply to guest-sync-delimited from " + transport.address()
          + " within " + timeout);
      startIfIdle();
    }
  }

  /** Byte 0xFF; on the I/O thread. */
  @Override
  public void marker() {
    synchronized (lock) {
      if (syncing) {
        afterMarker = true;
        return;
      }
    }
    LOG.log(System.Logger.Level.WARNING, "byte 0xFF from " + transport.address() + " outside a guest-sync-delimited");
  }

  /** A message; on the I/O thread. True if it was the sync's (or skipped with it). */
  @Override
  public boolean message(byte[] message, Envelope e) {
    if (!afterMarker) {
      return false;
    }
    afterMarker = false;
    boolean first = false;
    synchronized (lock) {
      if (!syncing) {
        LOG.log(System.Logger.Level.INFO, "dropped the reply to a guest-sync-delimited past its deadline from "
            + transport.address());
        return true;
      }
      if (!answers(message, e, syncId)) {
        LOG.log(System.Logger.Level.INFO, "dropped a message after 0xFF that is not the reply to guest-sync-delimited "
            + syncId + " from " + transport.address() + ": " + new String(message, StandardCharsets.UTF_8));
        transport.framer().skipToMarker();
        return true;
      }
      syncing = false;
      synced = true;
      wanted = false;
      syncTimer.cancel(false);
      first = !isOpen;
      isOpen = true;
      Held h;
      while ((h = held.pollFirst()) != null) {
        inFlight.add(h.id);
        transport.send(h.request, h.written);
      }
    }
    if (first) {
      opened.run();
    }
    return true;
  }

  private static boolean answers(byte[] message, Envelope e, long id) {
    if (e.returnStart < 0) {
      return false;
    }
    try {
      return Json.parse(message, e.returnStart, e.returnEnd) instanceof JsonValue.JsonNumber n
          && n.integer() && n.text().equals(Long.toString(id));
    } catch (RuntimeException ex) {
      return false;
    }
  }
}
