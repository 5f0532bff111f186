package org.qapi4j.runtime.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.qapi4j.runtime.internal.LazyLogger;

/**
 * The session on standard input and output: a thread reads input (blocking, as stdin cannot be
 * selected) and stops reading while the session is suspended; another writes output (blocking), so
 * that whoever sends (an emitter, the main loop) never waits for the reader at the other end.
 *
 * <p>As for a socket, back-pressure: once {@link ServerLimits#readPause} bytes wait to be
 * written, standard input is not read until half of them are; events past {@link ServerLimits#outputLimit} are dropped and
 * counted. Standard output has no stall timeout: its reader is the process that started the
 * server. A session closed (standard input ended, the server stops) still writes what it was
 * sent, and leaves the server's list of sessions only then, so that a server stopping waits for it.
 */
final class StdioSession extends Session {
  private static final System.Logger LOG = LazyLogger.of(StdioSession.class);

  private final InputStream in;
  private final OutputStream out;
  private final Consumer<Session> onClose;
  private final Thread reader;
  private final Thread writer;
  private boolean closing; // guarded by this
  private final java.util.concurrent.atomic.AtomicBoolean removed = new java.util.concurrent.atomic.AtomicBoolean();

  private final Object outputLock = new Object();
  private final ArrayDeque<byte[]> output = new ArrayDeque<>(); // guarded by outputLock
  StdioSession(Dispatcher dispatcher, InputStream in, OutputStream out, Consumer<Session> onClose) {
    this(dispatcher, in, out, onClose, ServerLimits.DEFAULT, new java.util.concurrent.atomic.AtomicLong());
  }

  StdioSession(Dispatcher dispatcher, InputStream in, OutputStream out, Consumer<Session> onClose,
      ServerLimits limits, java.util.concurrent.atomic.AtomicLong droppedTotal) {
    super(dispatcher, limits, droppedTotal);
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
          while ((streamer.paused() || outputBacklogged()) && !closed()) {
            wait(); // flow control or back-pressure: resumeInput() or the writer wakes it
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
    synchronized (outputLock) {
      if (closed() || removed.get()) {
        return;
      }
      output.add(message);
      outputBytes.addAndGet(message.length);
      outputLock.notifyAll();
    }
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
        outputBytes.addAndGet(-message.length);
        if (!outputBacklogged()) {
          synchronized (this) {
            if (streamer.paused() && mayRead()) {
              streamer.resume();
            }
            notifyAll(); // the reader may read again
          }
        }
        if (outputBytes.get() == 0) {
          outputDrained();
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
        outputBytes.addAndGet(-dropped.length); // what is being written, if anything, is counted down by the writer
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
    return outputBytes.get() == 0;
  }

  @Override
  protected synchronized void resumeInput() {
    if (mayRead()) {
      streamer.resume(); // else the writer resumes it once the output has drained
    }
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
