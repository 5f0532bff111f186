package org.qapi4j.runtime.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;

/**
 * The session on standard input and output: a thread reads input (blocking, as stdin cannot be
 * selected) and stops reading while the session is suspended; output is written in place.
 */
final class StdioSession extends Session {
  private static final System.Logger LOG = System.getLogger(StdioSession.class.getName());

  private final InputStream in;
  private final OutputStream out;
  private final Consumer<Session> onClose;
  private final Thread reader;
  private boolean closing; // guarded by this

  StdioSession(Dispatcher dispatcher, InputStream in, OutputStream out, Consumer<Session> onClose) {
    super(dispatcher);
    this.in = in;
    this.out = out;
    this.onClose = onClose;
    this.reader = new Thread(this::readLoop, "qmp-stdio");
    this.reader.setDaemon(true);
  }

  void start() {
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
  public synchronized void send(byte[] message) {
    if (closed()) {
      return;
    }
    try {
      out.write(message);
      out.flush();
    } catch (IOException e) {
      close();
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
    onClose.accept(this);
  }
}
