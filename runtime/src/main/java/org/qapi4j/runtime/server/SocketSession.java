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
 * <p>The output a client has not read yet is bounded by {@link #OUTPUT_LIMIT}: a client that lets
 * more pile up (it stopped reading while events keep coming) is disconnected, with a log line,
 * rather than growing the server's memory without bound.
 */
final class SocketSession extends Session {
  private static final System.Logger LOG = System.getLogger(SocketSession.class.getName());

  private final IoThread io;
  private final SocketChannel channel;
  private final Consumer<Session> onClose;
  private final ConcurrentLinkedQueue<ByteBuffer> output = new ConcurrentLinkedQueue<>();
  private final AtomicLong outputBytes = new AtomicLong();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  /** Set when the client went over the limit: it gets nothing more, and one log line. */
  private final AtomicBoolean overLimit = new AtomicBoolean();
  private final int listener;
  private SelectionKey key;

  SocketSession(Dispatcher dispatcher, IoThread io, SocketChannel channel, int listener, Consumer<Session> onClose) {
    super(dispatcher);
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
    if (k.isValid() && k.isWritable()) {
      flush();
    }
    if (k.isValid() && k.isReadable()) {
      read();
    }
  }

  private void read() {
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
    streamer.feed(readBuffer.array(), 0, n);
    updateInterest();
  }

  @Override
  public void send(byte[] message) {
    if (closed() || overLimit.get()) {
      return;
    }
    long pending = outputBytes.addAndGet(message.length);
    if (pending > OUTPUT_LIMIT) {
      if (overLimit.compareAndSet(false, true)) {
        LOG.log(System.Logger.Level.WARNING,
            "disconnecting a QMP client that does not read its output: " + pending
                + " bytes would wait for it, the limit is " + OUTPUT_LIMIT);
        close();
      }
      return;
    }
    output.add(ByteBuffer.wrap(message));
    if (io.inThread()) {
      flush();
    } else if (flushScheduled.compareAndSet(false, true)) {
      io.execute(this::flush);
    }
  }

  /** Writes what the socket takes; the rest waits for OP_WRITE. I/O thread only. */
  private void flush() {
    flushScheduled.set(false);
    if (closed()) {
      return;
    }
    try {
      ByteBuffer head;
      while ((head = output.peek()) != null) {
        int written = channel.write(head);
        outputBytes.addAndGet(-written);
        if (head.hasRemaining()) {
          break;
        }
        output.poll();
      }
    } catch (IOException e) {
      close();
      return;
    }
    updateInterest();
  }

  /** Read while the streamer is not paused; write while output waits. I/O thread only. */
  private void updateInterest() {
    if (key == null || !key.isValid()) {
      return;
    }
    int ops = (streamer.paused() ? 0 : SelectionKey.OP_READ) | (output.isEmpty() ? 0 : SelectionKey.OP_WRITE);
    key.interestOps(ops);
  }

  @Override
  protected void resumeInput() {
    io.execute(
        () -> {
          if (!closed()) {
            streamer.resume();
            updateInterest();
          }
        });
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
      LOG.log(System.Logger.Level.DEBUG, "close failed", e);
    }
    output.clear();
    outputBytes.set(0);
    onClose.accept(this);
  }
}
