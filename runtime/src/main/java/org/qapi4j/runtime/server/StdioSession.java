package org.qapi4j.runtime.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The session on standard input and output: a thread reads input (blocking, as stdin cannot be
 * selected) and stops reading while the session is suspended; another writes output (blocking), so
 * that whoever sends (an emitter, the main loop) never waits for the reader at the other end.
 *
 * <p>As for a socket, the output not yet written is bounded by {@link #OUTPUT_LIMIT}: past it the
 * client is taken to be gone, the session closes with a log line, and what waited is dropped. A
 * session closed otherwise (standard input ended, the server stops) still writes what it was sent,
 * and leaves the server's list of sessions only then, so that a server stopping waits for it.
 */
final class StdioSession extends Session {
  private static final System.Logger LOG = System.getLogger(StdioSession.class.getName());

  private final InputStream in;
  private final OutputStream out;
  private final Consumer<Session> onClose;
  private final Thread reader;
  private final Thread writer;
  private boolean closing; // guarded by this
  private final java.util.concurrent.atomic.AtomicBoolean removed = new java.util.concurrent.atomic.AtomicBoolean();

  private final Object outputLock = new Object();
  private final ArrayDeque<byte[]> output = new ArrayDeque<>(); // guarded by outputLock
  /** Bytes queued or being written. Guarded by outputLock. */
  private long outputBytes;

  StdioSession(Dispatcher dispatcher, InputStream in, OutputStream out, Consumer<Session> onClose) {
    super(dispatcher);
    this.in = in;
    this.out = out;
    this.onClose = onClose;
    this.reader = new Thread(this::readLoop, "qmp-stdio");
    this.reader.setDaemon(true);
    this.writer = new Thread(this::writeLoop, "qmp-stdio-out");
    this.writer.setDaemon(true);
  }

  void start() {
    writer.start();
    reader.start();
  }

  private void readLoop() {
    byte[] buffer = new byte[64 * 1024];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        synchronized (this) {
          streamer.feed(buffer, 0, n);
          while (streamer.paused() && !closed()) {
            wait();
          }
        }
        if (closed()) {
          return;
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "stdin failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close();
  }

  @Override
  public void send(byte[] message) {
    long pending;
    synchronized (outputLock) {
      if (closed() || removed.get()) {
        return;
      }
      pending = outputBytes + message.length;
      if (pending <= OUTPUT_LIMIT) {
        output.add(message);
        outputBytes = pending;
        outputLock.notifyAll();
        return;
      }
    }
    LOG.log(System.Logger.Level.WARNING, "disconnecting the QMP client on stdio, which does not read its output: "
        + pending + " bytes would wait for it, the limit is " + OUTPUT_LIMIT);
    discardOutput();
    close();
  }

  private void writeLoop() {
    try {
      while (true) {
        byte[] message;
        boolean last;
        synchronized (outputLock) {
          while (output.isEmpty() && !closed()) {
            outputLock.wait();
          }
          if (output.isEmpty()) {
            break; // closed, and all was written
          }
          message = output.poll();
          last = output.isEmpty();
        }
        out.write(message);
        if (last) {
          out.flush();
        }
        synchronized (outputLock) {
          outputBytes -= message.length;
        }
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "stdout failed", e);
      discardOutput();
      close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    removed();
  }

  /** Drops what waits to be written: the client will not read it. */
  private void discardOutput() {
    synchronized (outputLock) {
      for (byte[] dropped : output) {
        outputBytes -= dropped.length; // what is being written, if anything, is counted down by the writer
      }
      output.clear();
      outputLock.notifyAll();
    }
    removed(); // the writer may be stuck in a write that never returns
  }

  /** The session leaves the server's list once its output is written or dropped; once. */
  private void removed() {
    if (removed.compareAndSet(false, true)) {
      onClose.accept(this);
    }
  }

  /** True when all that was sent is written. */
  @Override
  boolean drained() {
    synchronized (outputLock) {
      return outputBytes == 0;
    }
  }

  @Override
  protected synchronized void resumeInput() {
    streamer.resume();
    notifyAll();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
    }
    markClosed();
    synchronized (this) {
      notifyAll();
    }
    synchronized (outputLock) {
      outputLock.notifyAll(); // the writer writes what waits, then ends and removes the session
    }
  }
}
