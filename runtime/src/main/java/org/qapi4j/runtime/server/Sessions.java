package org.qapi4j.runtime.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The open sessions of a server: opening them (with the greeting), events to all, closing. */
public final class Sessions {
  private static final System.Logger LOG = System.getLogger(Sessions.class.getName());

  private final Dispatcher dispatcher;
  private final IoThread io;
  private final byte[] greeting;
  private final List<Session> open = new CopyOnWriteArrayList<>();

  public Sessions(Dispatcher dispatcher, IoThread io, byte[] greeting) {
    this.dispatcher = dispatcher;
    this.io = io;
    this.greeting = greeting;
  }

  /** A client connected to the socket endpoint {@code listener}; on the I/O thread. */
  public void openSocket(SocketChannel channel, int listener) {
    SocketSession session = new SocketSession(dispatcher, io, channel, listener, open::remove);
    try {
      session.open();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot serve a new client", e);
      session.close();
      return;
    }
    open.add(session);
    session.send(greeting);
  }

  public void openStdio(InputStream in, OutputStream out) {
    StdioSession session = new StdioSession(dispatcher, in, out, open::remove);
    open.add(session);
    session.send(greeting);
    session.start();
  }

  public int count() {
    return open.size();
  }

  /** Sends an event to every session that completed negotiation. */
  public void broadcast(byte[] event) {
    for (Session s : open) {
      if (s.negotiated()) {
        s.send(event);
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
