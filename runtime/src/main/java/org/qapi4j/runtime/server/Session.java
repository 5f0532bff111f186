package org.qapi4j.runtime.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.qapi4j.runtime.DeferredReply;
import org.qapi4j.runtime.internal.LazyLogger;
import org.qapi4j.runtime.json.JsonStreamer;
import org.qapi4j.runtime.json.Token;

/**
 * One QMP session: its negotiation state, its input (a {@link JsonStreamer}), its in-band requests
 * with QEMU's flow control, the order of its replies, and its output. Subclasses bind it to a
 * transport.
 *
 * <p><b>Flow control</b> as QEMU 7.2: with {@code oob} enabled, at most 8 in-band requests wait
 * for the main loop; when the 8th is queued the session is no longer read (out-of-band requests
 * included) until the main loop takes one. Without {@code oob}, the session is not read while a
 * request of its own waits, runs or waits for its reply. Nothing is dropped: unread bytes stay in
 * the socket, or in the streamer.
 *
 * <p><b>Reply order</b>: every in-band request gets a slot when it is read; replies leave in slot
 * order, so an asynchronous command that completes late holds back the replies of the requests
 * read after it (which still run). Out-of-band replies take no slot. At most
 * {@link #PENDING_LIMIT} replies may be outstanding: beyond that the session is not read until
 * the oldest is sent, so a client cannot grow the server's memory without bound.
 *
 * <p><b>Closing</b> cancels what the session left pending: each asynchronous command's stage is
 * cancelled (its handler can observe it), and the session forgets it.
 */
public abstract class Session implements JsonStreamer.Listener {
  /** QEMU's {@code QMP_REQ_QUEUE_LEN_MAX}. */
  public static final int QUEUE_LIMIT = 8;
  /** The most in-band replies a session may be owed (requests read, replies not yet sent). */
  public static final int PENDING_LIMIT = 64;
  /**
   * The most output (bytes) held for a client, 16 MiB: an event that would take it past this is
   * dropped for that client and counted ({@link #droppedEvents}). Replies are never dropped: they
   * are bounded by {@link #READ_PAUSE} and the requests in flight.
   */
  public static final long OUTPUT_LIMIT = 16L << 20;
  /**
   * Back-pressure: once this much output (1 MiB) waits for a client, its input is not read, as
   * QEMU's monitor suspends its input, until the client has read half of it. A client
   * that pipelines requests and reads its replies gets every one, however far it pipelines.
   */
  public static final long READ_PAUSE = 1L << 20;
  /** A socket client with output waiting that reads none of it for 5 minutes is disconnected. */
  public static final java.time.Duration STALL_TIMEOUT = java.time.Duration.ofMinutes(5);

  private static final System.Logger LOG = LazyLogger.of(Session.class);

  protected final Dispatcher dispatcher;
  protected final JsonStreamer streamer = new JsonStreamer(this);
  protected final ServerLimits limits;
  /**
   * True from when the output reached {@link ServerLimits#readPause} until it has drained to half
   * of it: input is read again only then, many requests at a time. Resumed as soon as the output
   * fell below the bound, the session would read one request per reply the client took, and stay
   * in that lockstep, at the rate of one round trip between the threads per request.
   */
  private volatile boolean draining;
  /** Bytes queued for the client and not yet handed to the transport. */
  protected final java.util.concurrent.atomic.AtomicLong outputBytes = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong droppedTotal;
  /** True from the first event dropped until the output has drained. */
  private final java.util.concurrent.atomic.AtomicBoolean dropping = new java.util.concurrent.atomic.AtomicBoolean();

  private volatile boolean negotiated;
  private volatile boolean oob;
  private volatile boolean closed;
  private int queued; // guarded by this: read, not yet taken by the main loop
  private final ArrayDeque<Slot> outstanding = new ArrayDeque<>(); // guarded by this
  private int deferred; // guarded by this: asynchronous commands not yet completed
  private boolean suspended; // guarded by this

  /**
   * The place of one in-band reply in the session's output order. It forgets its session when the
   * session closes, so that whatever still refers to it (an asynchronous command's stage that
   * never completes) does not keep the session alive.
   */
  static final class Slot {
    private volatile Session owner;
    private byte[] reply;
    private boolean done;
    private DeferredReply pending;

    private Slot(Session owner) {
      this.owner = owner;
    }

    /** The session, or null once it has closed. */
    Session owner() {
      return owner;
    }
  }

  protected Session(Dispatcher dispatcher) {
    this(dispatcher, ServerLimits.DEFAULT, new java.util.concurrent.atomic.AtomicLong());
  }

  /** {@code droppedTotal} counts the events dropped over all sessions of a server. */
  protected Session(Dispatcher dispatcher, ServerLimits limits, java.util.concurrent.atomic.AtomicLong droppedTotal) {
    this.dispatcher = dispatcher;
    this.limits = limits;
    this.droppedTotal = droppedTotal;
  }

  /**
   * Queues an event, unless the output held for the client would pass its limit
   * ({@link #OUTPUT_LIMIT}): then the event is dropped for this client and counted, with one log
   * line per episode (until its output has drained). Callable from any thread.
   */
  public final void sendEvent(byte[] event) {
    if (closed) {
      return;
    }
    long waiting = outputBytes.get();
    if (waiting + event.length > limits.outputLimit()) {
      dropped.incrementAndGet();
      droppedTotal.incrementAndGet();
      if (dropping.compareAndSet(false, true)) {
        log(System.Logger.Level.WARNING, "dropping events for a QMP client that does not read its output: " + waiting
            + " bytes wait for it, the limit is " + limits.outputLimit() + " (logged once until it has read them)", null);
      }
      return;
    }
    send(event);
  }

  /** The events dropped for this client because it did not read them. */
  public long droppedEvents() {
    return dropped.get();
  }

  /** Subclasses call it when their output has drained: ends an episode of dropped events. */
  protected final void outputDrained() {
    if (dropping.get() && outputBytes.get() == 0 && dropping.compareAndSet(true, false)) {
      log(System.Logger.Level.INFO, "a QMP client read its output again; " + dropped.get()
          + " events were dropped for it so far", null);
    }
  }

  /** True while so much output waits that the input must not be read (back-pressure). */
  protected final boolean outputBacklogged() {
    long waiting = outputBytes.get();
    if (waiting >= limits.readPause()) {
      draining = true;
      return true;
    }
    if (draining) {
      if (waiting > limits.readPause() / 2) {
        return true;
      }
      draining = false;
    }
    return false;
  }

  /**
   * Whether the input may be read now: no flow-control suspension, no output backlog, open.
   * Subclasses resume their streamer only when it is.
   */
  protected final boolean mayRead() {
    synchronized (this) {
      if (closed || suspended) {
        return false;
      }
    }
    return !outputBacklogged();
  }

  /** Logs to the sessions' logger, and never throws ({@link #log(System.Logger, System.Logger.Level, String, Throwable)}). */
  static void log(System.Logger.Level level, String text, Throwable e) {
    log(LOG, level, text, e);
  }

  /**
   * Logs, and never throws: a failing logger must not take a thread of the server down. For the
   * server's code only ({@code QmpServer}'s too).
   */
  public static void log(System.Logger logger, System.Logger.Level level, String text, Throwable e) {
    try {
      if (e == null) {
        logger.log(level, text);
      } else {
        logger.log(level, text, e);
      }
    } catch (Throwable failed) {
      // The log itself failed (a broken handler, or no descriptor left to set it up): the line
      // still goes to standard error, plainly, unless that fails too.
      try {
        System.err.println(logger.getName() + ": " + level + ": " + text + (e == null ? "" : ": " + e));
      } catch (Throwable ignored) {
        // nothing more can be done about it
      }
    }
  }

  /** Queues a message for the client; callable from any thread. */
  public abstract void send(byte[] message);

  /** Starts reading again after a suspension ended; callable from any thread. */
  protected abstract void resumeInput();

  /** Closes the transport; callable from any thread, more than once. */
  public abstract void close();

  /** True when all that was sent has been handed to the transport. */
  boolean drained() {
    return true;
  }

  public boolean negotiated() {
    return negotiated;
  }

  public boolean oob() {
    return oob;
  }

  public boolean closed() {
    return closed;
  }

  /**
   * Marks the session closed and cancels its pending asynchronous commands. Subclasses call it
   * once, when the transport closes, without holding the session's lock.
   */
  protected void markClosed() {
    List<DeferredReply> cancel = new ArrayList<>();
    synchronized (this) {
      closed = true;
      for (Slot s : outstanding) {
        s.owner = null;
        if (s.pending != null) {
          cancel.add(s.pending);
          s.pending = null;
        }
      }
      outstanding.clear();
      deferred = 0;
    }
    for (DeferredReply d : cancel) {
      d.cancel();
    }
  }

  /** Capabilities negotiation completed, with {@code oob} or without. */
  void negotiate(boolean withOob) {
    this.oob = withOob;
    this.negotiated = true;
  }

  /**
   * A message: dispatched; false (pause) when flow control suspends the session or its output is
   * backlogged. The transport resumes once both allow ({@link #mayRead}).
   */
  @Override
  public boolean message(byte[] bytes, int length, List<Token> tokens) {
    boolean go = dispatcher.received(this, Arrays.copyOf(bytes, length), List.copyOf(tokens));
    return go && !outputBacklogged();
  }

  @Override
  public boolean error(String text) {
    return dispatcher.receivedError(this, text) && !outputBacklogged();
  }

  /**
   * Queues an in-band request on the main loop, with a slot for its reply; {@code request} must
   * eventually {@link #complete} the slot (or {@link #defer} it). Returns false when the session
   * must stop being read.
   */
  boolean enqueue(MainLoop loop, Consumer<Slot> request) {
    Slot slot = new Slot(this);
    boolean suspend;
    synchronized (this) {
      outstanding.add(slot);
      queued++;
      suspend = mustSuspend();
      suspended |= suspend;
    }
    loop.executeRequest(
        () -> {
          synchronized (this) {
            queued--; // taken off the queue: a slot is free
          }
          resumeIfAllowed();
          if (!closed) {
            try {
              request.accept(slot);
            } catch (Throwable e) {
              // Whatever went wrong, the slot gets a reply: a session whose slot never completes
              // would neither answer nor read again.
              log(System.Logger.Level.ERROR, "a QMP request failed without a reply", e);
              complete(slot, Dispatcher.lastResortError());
            }
          }
        });
    return !suspend;
  }

  /** QEMU's rule, and the bound on outstanding replies. Call holding the lock. */
  private boolean mustSuspend() {
    if (!oob) {
      return !outstanding.isEmpty();
    }
    return queued >= QUEUE_LIMIT || outstanding.size() >= PENDING_LIMIT;
  }

  private void resumeIfAllowed() {
    boolean resume;
    synchronized (this) {
      resume = suspended && !closed && !mustSuspend();
      if (resume) {
        suspended = false;
      }
    }
    if (resume) {
      resumeInput();
    }
  }

  /**
   * The reply of a slot is known ({@code null}: there is none); it is sent with every reply
   * after it that was held back waiting for it.
   */
  void complete(Slot slot, byte[] reply) {
    synchronized (this) {
      if (slot.done) {
        return;
      }
      if (slot.pending != null) {
        slot.pending = null;
        deferred--;
      }
      slot.reply = reply;
      slot.done = true;
      Slot head;
      while ((head = outstanding.peek()) != null && head.done) {
        outstanding.poll();
        if (head.reply != null && !closed) {
          send(dispatcher.wire(head.reply));
        }
      }
    }
    resumeIfAllowed();
  }

  /**
   * The slot's reply will come from an asynchronous command; false (and the command is
   * cancelled) when the session has closed meanwhile.
   */
  boolean defer(Slot slot, DeferredReply pending) {
    synchronized (this) {
      if (!closed) {
        slot.pending = pending;
        deferred++;
        return true;
      }
    }
    pending.cancel();
    return false;
  }

  /** The bytes queued for the client and not yet handed to the transport. */
  public long outputWaiting() {
    return outputBytes.get();
  }

  /** The number of in-band requests read and not yet taken by the main loop. */
  public synchronized int queued() {
    return queued;
  }

  /** The number of asynchronous commands of this session still running. */
  public synchronized int pendingCommands() {
    return deferred;
  }
}
