package org.qapi4j.runtime.server;

import java.util.Arrays;
import java.util.List;
import org.qapi4j.runtime.json.JsonStreamer;
import org.qapi4j.runtime.json.Token;

/**
 * One QMP session: its negotiation state, its input (a {@link JsonStreamer}), its queue of in-band
 * requests with QEMU's flow control, and its output. Subclasses bind it to a transport.
 *
 * <p>Flow control as QEMU 7.2: with {@code oob} enabled, at most 8 in-band requests wait; when the
 * 8th is queued the session is no longer read (out-of-band requests included) until the main loop
 * takes one. Without {@code oob}, the session is not read while a request waits or runs. Nothing is
 * dropped: unread bytes stay in the socket, or in the streamer.
 */
public abstract class Session implements JsonStreamer.Listener {
  /** QEMU's {@code QMP_REQ_QUEUE_LEN_MAX}. */
  public static final int QUEUE_LIMIT = 8;

  protected final Dispatcher dispatcher;
  protected final JsonStreamer streamer = new JsonStreamer(this);

  private volatile boolean negotiated;
  private volatile boolean oob;
  private volatile boolean closed;
  private int queued; // guarded by this
  private boolean suspended; // guarded by this

  protected Session(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Queues a message for the client; callable from any thread. */
  public abstract void send(byte[] message);

  /** Starts reading again after {@link #release()} ended a suspension; callable from any thread. */
  protected abstract void resumeInput();

  /** Closes the transport; callable from any thread, more than once. */
  public abstract void close();

  public boolean negotiated() {
    return negotiated;
  }

  public boolean oob() {
    return oob;
  }

  public boolean closed() {
    return closed;
  }

  protected void markClosed() {
    closed = true;
  }

  /** Capabilities negotiation completed, with {@code oob} or without. */
  void negotiate(boolean withOob) {
    this.oob = withOob;
    this.negotiated = true;
  }

  @Override
  public boolean message(byte[] bytes, int length, List<Token> tokens) {
    return dispatcher.received(this, Arrays.copyOf(bytes, length), List.copyOf(tokens));
  }

  @Override
  public boolean error(String text) {
    return dispatcher.receivedError(this, text);
  }

  /**
   * Queues an in-band request on the main loop; false when the session must stop being read.
   */
  boolean enqueue(MainLoop loop, Runnable request) {
    boolean suspend;
    synchronized (this) {
      queued++;
      suspend = !oob || queued >= QUEUE_LIMIT;
      suspended |= suspend;
    }
    loop.execute(
        () -> {
          boolean oobWhenTaken = oob;
          if (oobWhenTaken) {
            release(); // taken off the queue: a slot is free
          }
          try {
            if (!closed) {
              request.run();
            }
          } finally {
            if (!oobWhenTaken) {
              release(); // without oob, the next request is read only now
            }
          }
        });
    return !suspend;
  }

  private void release() {
    boolean resume;
    synchronized (this) {
      queued--;
      resume = suspended && queued < (oob ? QUEUE_LIMIT : 1);
      if (resume) {
        suspended = false;
      }
    }
    if (resume && !closed) {
      resumeInput();
    }
  }

  /** The number of in-band requests waiting or running. */
  public synchronized int queued() {
    return queued;
  }
}
