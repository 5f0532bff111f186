package org.qapi4j.runtime.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open sessions of a server: opening them (with the greeting; in the guest agent's dialect,
 * none, and the session starts as if negotiated), events to all, closing.
 */
public final class Sessions {
  private final Dispatcher dispatcher;
  private final IoThread io;
  private final byte[] greeting;
  private final List<Session> open = new CopyOnWriteArrayList<>();
  private final ServerLimits limits;
  private final AtomicLong droppedEvents = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  /** True from a refused client until one is served again (I/O thread only): one log line per episode. */
  private boolean refusing;

  public Sessions(Dispatcher dispatcher, IoThread io, byte[] greeting) {
    this(dispatcher, io, greeting, ServerLimits.DEFAULT);
  }

  public Sessions(Dispatcher dispatcher, IoThread io, byte[] greeting, ServerLimits limits) {
    this.dispatcher = dispatcher;
    this.io = io;
    this.greeting = greeting;
    this.limits = limits;
  }

  /**
   * A client connected to the socket endpoint {@code listener}; on the I/O thread. Beyond
   * {@link ServerLimits#maxSessions} it is closed at once, and counted ({@link #refused}).
   */
  public void openSocket(SocketChannel channel, int listener) {
    if (open.size() >= limits.maxSessions()) {
      refused.incrementAndGet();
      if (!refusing) {
        refusing = true;
        Session.log(System.Logger.Level.WARNING, "refusing QMP clients: " + open.size()
            + " sessions are open, the most allowed (logged once until a client is served again)", null);
      }
      try {
        channel.close();
      } catch (IOException e) {
        Session.log(System.Logger.Level.DEBUG, "close failed", e);
      }
      return;
    }
    refusing = false;
    SocketSession session = new SocketSession(dispatcher, io, channel, listener, open::remove, limits, droppedEvents);
    try {
      session.open();
    } catch (IOException e) {
      Session.log(System.Logger.Level.WARNING, "cannot serve a new client", e);
      session.close();
      return;
    }
    open.add(session);
    greet(session);
  }

  /** QMP's greeting; a guest agent sends none, and its sessions need no negotiation. */
  private void greet(Session session) {
    if (dispatcher.guestAgent()) {
      session.negotiate(false);
    } else {
      session.send(greeting);
    }
  }

  /** The clients closed at once because {@link ServerLimits#maxSessions} were open. */
  public long refused() {
    return refused.get();
  }

  /** The bytes queued for clients and not yet written, over all sessions. */
  public long outputWaiting() {
    return open.stream().mapToLong(Session::outputWaiting).sum();
  }

  /** The events dropped for clients that did not read them, over all sessions. */
  public long droppedEvents() {
    return droppedEvents.get();
  }

  public void openStdio(InputStream in, OutputStream out) {
    StdioSession session = new StdioSession(dispatcher, in, out, open::remove, limits, droppedEvents);
    open.add(session);
    greet(session);
    session.start();
  }

  public int count() {
    return open.size();
  }

  /** Sends an event to every session that completed negotiation. */
  public void broadcast(byte[] event) {
    for (Session s : open) {
      if (s.negotiated()) {
        s.sendEvent(event);
      }
    }
  }

  /** Calls {@code done} once every session has written its output, or at the deadline. */
  public void flushAll(long deadlineNanos, Runnable done) {
    io.execute(
        new Runnable() {
          @Override
          public void run() {
            boolean drained = open.stream().allMatch(Session::drained);
            if (drained || System.nanoTime() > deadlineNanos) {
              done.run();
            } else {
              io.execute(this); // look again on the next turn of the I/O loop
            }
          }
        });
  }

  /** Closes the sessions a socket endpoint accepted (QEMU's yank of a socket chardev); how many. */
  public int disconnect(int listener) {
    int n = 0;
    for (Session s : open) {
      if (s instanceof SocketSession ss && ss.listener() == listener) {
        ss.close();
        n++;
      }
    }
    return n;
  }

  /** The number of asynchronous commands pending, over all sessions. */
  public int pendingCommands() {
    return open.stream().mapToInt(Session::pendingCommands).sum();
  }

  public void closeAll() {
    for (Session s : open) {
      s.close();
    }
  }
}
