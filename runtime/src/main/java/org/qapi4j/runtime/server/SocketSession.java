package org.qapi4j.runtime.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A session on a socket (unix or TCP), served by the I/O thread: non-blocking reads fed to the
 * streamer, and an output queue written as fast as the client reads.
 *
 * <p><b>Back-pressure.</b> Once {@link ServerLimits#readPause} bytes or more wait to be written,
 * the socket is not read (as QEMU's monitor suspends its input) until half of them are: a client that pipelines requests
 * and reads its replies slowly gets every reply, in order, and the server holds a bounded amount
 * for it. Events are bounded apart ({@link Session#sendEvent}): past
 * {@link ServerLimits#outputLimit} they are dropped for that client, and counted.
 *
 * <p><b>Stalled clients.</b> A client with output waiting that reads none of it for
 * {@link ServerLimits#stallTimeout} is disconnected, with a log line; one that reads, however
 * slowly, never is.
 */
final class SocketSession extends Session {
  /** Buffers written by one gathering write. */
  private static final int GATHER = 64;

  private final IoThread io;
  private final SocketChannel channel;
  private final Consumer<Session> onClose;
  private final ConcurrentLinkedQueue<ByteBuffer> output = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final AtomicBoolean resumeScheduled = new AtomicBoolean();
  private final int listener;
  private final ByteBuffer[] gather = new ByteBuffer[GATHER]; // I/O thread only
  private SelectionKey key;
  /** True while the streamer runs (I/O thread only): it is not resumed from inside itself. */
  private boolean lexing;
  /** Output was left waiting by the last flush (I/O thread only). */
  private boolean waiting;
  /** When the client last took output, or output started waiting (I/O thread only). */
  private long lastProgress;
  private boolean stallCheckScheduled;

  SocketSession(Dispatcher dispatcher, IoThread io, SocketChannel channel, int listener, Consumer<Session> onClose) {
    this(dispatcher, io, channel, listener, onClose, ServerLimits.DEFAULT, new AtomicLong());
  }

  SocketSession(Dispatcher dispatcher, IoThread io, SocketChannel channel, int listener, Consumer<Session> onClose,
      ServerLimits limits, AtomicLong droppedTotal) {
    super(dispatcher, limits, droppedTotal);
    this.io = io;
    this.channel = channel;
    this.listener = listener;
    this.onClose = onClose;
  }

  /** The index of the socket endpoint that accepted this session. */
  int listener() {
    return listener;
  }

  /** Registers with the I/O thread; call on it. */
  void open() throws IOException {
    channel.configureBlocking(false);
    key = io.register(channel, SelectionKey.OP_READ, this::ready);
  }

  private void ready(SelectionKey k) {
    try {
      if (k.isValid() && k.isWritable()) {
        flush();
        resumeIfReady();
      }
      if (k.isValid() && k.isReadable() && !closed()) {
        read();
      }
      updateInterest();
    } catch (Throwable e) {
      failed(e);
    }
  }

  /** Whatever went wrong with this session ends it, and nothing else. */
  private void failed(Throwable e) {
    log(System.Logger.Level.ERROR, "a QMP session failed; closing it", e);
    try {
      close();
    } catch (Throwable again) {
      log(System.Logger.Level.ERROR, "closing a failed QMP session failed", again);
    }
  }

  private void read() {
    if (streamer.paused() || outputBacklogged()) {
      return;
    }
    ByteBuffer readBuffer = io.readBuffer(); // shared: an idle session costs no buffer
    readBuffer.clear();
    int n;
    try {
      n = channel.read(readBuffer);
    } catch (IOException e) {
      n = -1;
    }
    if (n < 0) {
      close();
      return;
    }
    if (n > 0) {
      lexing = true;
      try {
        streamer.feed(readBuffer.array(), 0, n);
      } finally {
        lexing = false;
      }
    }
  }

  /**
   * Lexes what the streamer holds if flow control and the output allow, all of it (up to the next
   * pause), then reads on in the same turn. I/O thread only.
   */
  private void resumeIfReady() {
    if (lexing || closed() || !streamer.paused() || !mayRead()) {
      return;
    }
    lexing = true;
    try {
      streamer.resume();
    } finally {
      lexing = false;
    }
    if (!streamer.paused() && !closed()) {
      read(); // the socket may hold more: no need to wait for the next turn to see it
    }
  }

  @Override
  public void send(byte[] message) {
    if (closed()) {
      return;
    }
    outputBytes.addAndGet(message.length);
    output.add(ByteBuffer.wrap(message));
    if (io.inThread()) {
      flush();
      updateInterest();
    } else if (flushScheduled.compareAndSet(false, true)) {
      io.execute(this::flushTask);
    }
  }

  private void flushTask() {
    flushScheduled.set(false);
    try {
      flush();
      resumeIfReady();
      updateInterest();
    } catch (Throwable e) {
      failed(e);
    }
  }

  /** Writes what the socket takes, many messages per call; the rest waits for OP_WRITE. I/O thread only. */
  private void flush() {
    if (closed()) {
      return;
    }
    long now = System.nanoTime();
    if (!waiting) {
      lastProgress = now; // output starts waiting now
    }
    try {
      while (true) {
        int n = 0;
        for (ByteBuffer b : output) {
          gather[n++] = b;
          if (n == GATHER) {
            break;
          }
        }
        if (n == 0) {
          break;
        }
        long written = channel.write(gather, 0, n);
        boolean all = !gather[n - 1].hasRemaining();
        java.util.Arrays.fill(gather, 0, n, null);
        if (written > 0) {
          lastProgress = now;
          outputBytes.addAndGet(-written);
        }
        ByteBuffer head;
        while ((head = output.peek()) != null && !head.hasRemaining()) {
          output.poll();
        }
        if (!all) {
          break; // the socket is full
        }
      }
    } catch (IOException e) {
      close();
      return;
    }
    waiting = !output.isEmpty();
    if (!waiting) {
      outputDrained();
    } else if (!stallCheckScheduled && !limits.stallTimeout().isZero()) {
      stallCheckScheduled = true;
      io.schedule(limits.stallTimeout().toNanos(), this::checkStall);
    }
  }

  /** Disconnects a client that has taken no output for the stall timeout. I/O thread only. */
  private void checkStall() {
    stallCheckScheduled = false;
    if (closed() || output.isEmpty()) {
      return;
    }
    long timeout = limits.stallTimeout().toNanos();
    long idle = System.nanoTime() - lastProgress;
    if (idle < timeout) {
      stallCheckScheduled = true;
      io.schedule(timeout - idle, this::checkStall);
      return;
    }
    log(System.Logger.Level.WARNING, "disconnecting a QMP client that has read none of its output for "
        + limits.stallTimeout().toMillis() + " ms: " + outputBytes.get() + " bytes wait for it", null);
    close();
  }

  /** Read while the streamer is not paused and output is not backlogged; write while output waits. I/O thread only. */
  private void updateInterest() {
    if (key == null || !key.isValid()) {
      return;
    }
    int ops = (streamer.paused() || outputBacklogged() ? 0 : SelectionKey.OP_READ)
        | (output.isEmpty() ? 0 : SelectionKey.OP_WRITE);
    if (key.interestOps() != ops) {
      key.interestOps(ops);
    }
  }

  @Override
  protected void resumeInput() {
    if (resumeScheduled.compareAndSet(false, true)) {
      io.execute(
          () -> {
            resumeScheduled.set(false);
            try {
              resumeIfReady();
              updateInterest();
            } catch (Throwable e) {
              failed(e);
            }
          });
    }
  }

  /** True when nothing waits to be written. */
  @Override
  boolean drained() {
    return output.isEmpty();
  }

  @Override
  public void close() {
    if (!io.inThread()) {
      io.execute(this::close);
      return;
    }
    if (closed()) {
      return;
    }
    markClosed();
    if (key != null) {
      key.cancel();
    }
    try {
      channel.close();
    } catch (IOException e) {
      log(System.Logger.Level.DEBUG, "close failed", e);
    }
    output.clear();
    outputBytes.set(0);
    onClose.accept(this);
  }
}
