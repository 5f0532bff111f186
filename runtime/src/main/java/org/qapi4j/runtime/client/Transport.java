package org.qapi4j.runtime.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.qapi4j.runtime.internal.LazyLogger;

/**
 * One connection's bytes: connecting, reading into the {@link Framer}, writing queued messages, on
 * the shared {@link ClientIo} thread. Knows nothing of QMP: the protocol (greeting and negotiation
 * for QMP; none, and a 0xFF resync, for the guest agent) is the {@link Receiver}'s.
 */
final class Transport {
  private static final System.Logger LOG = LazyLogger.of(Transport.class);

  /** What the transport reports; called on the I/O thread. */
  interface Receiver {
    void connected();

    void received(byte[] message);

    /** A 0xFF byte was received. */
    void marker();

    /** The connection failed or the peer closed it (not called for {@link #close()}). */
    void lost(QmpConnectionException cause);
  }

  private static final class Outgoing {
    final ByteBuffer bytes;
    final Runnable written;

    Outgoing(ByteBuffer bytes, Runnable written) {
      this.bytes = bytes;
      this.written = written;
    }
  }

  private final ClientIo io;
  private final SocketAddress address;
  private final SocketChannel channel;
  private final Receiver receiver;
  private final TrafficLog log;
  private final Framer framer;
  private final ConcurrentLinkedQueue<Outgoing> output = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ByteBuffer[] gather = new ByteBuffer[64];
  /**
   * Held while writing to the socket and taking written messages off {@link #output}, by the I/O
   * thread ({@link #flush()}) and by a caller writing directly ({@link #send}): a caller writes its
   * message itself only when nothing is queued before it.
   */
  private final Object writeLock = new Object();
  /** Set on the I/O thread once connected. */
  private SelectionKey key;
  private boolean connected;
  /** {@link #connected}, for callers' threads. */
  private volatile boolean writable;

  Transport(ClientIo io, SocketAddress address, Receiver receiver, TrafficLog log) throws IOException {
    this.io = io;
    this.address = address;
    this.receiver = receiver;
    this.log = log;
    if (address instanceof UnixDomainSocketAddress) {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    } else if (address instanceof InetSocketAddress inet) {
      if (inet.isUnresolved()) {
        throw new IOException("cannot resolve " + inet.getHostString());
      }
      channel = SocketChannel.open();
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    } else {
      throw new IllegalArgumentException("not a unix or TCP address: " + address);
    }
    channel.configureBlocking(false);
    this.framer = new Framer(new Framer.Sink() {
      @Override
      public void message(byte[] message) {
        if (closed.get()) {
          return;
        }
        if (log != null) {
          logSafely(false, message);
        }
        receiver.received(message);
      }

      @Override
      public void marker() {
        receiver.marker();
      }

      @Override
      public void garbage(int count, int first) {
        LOG.log(System.Logger.Level.WARNING, "skipped " + count + " bytes outside any message from "
            + address + ", the first 0x" + Integer.toHexString(first));
      }
    });
  }

  SocketAddress address() {
    return address;
  }

  Framer framer() {
    return framer;
  }

  /** Starts connecting; {@link Receiver#connected()} or {@link Receiver#lost} follows. */
  void open() {
    io.execute(() -> {
      if (closed.get()) {
        return;
      }
      try {
        boolean done = channel.connect(address);
        key = io.register(channel, done ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this::ready);
        if (done) {
          connected();
        }
      } catch (IOException | RuntimeException e) {
        fail("cannot connect to " + address + ": " + e.getMessage(), e);
      }
    });
  }

  private void connected() {
    connected = true;
    writable = true;
    receiver.connected();
    flush();
  }

  private void ready(SelectionKey k) {
    try {
      if (k.isValid() && k.isConnectable()) {
        if (channel.finishConnect()) {
          k.interestOps(SelectionKey.OP_READ);
          connected();
        }
        return;
      }
      if (k.isValid() && k.isWritable()) {
        flush();
      }
      if (k.isValid() && k.isReadable()) {
        read();
      }
    } catch (IOException e) {
      fail((connected ? "connection to " : "cannot connect to ") + address + " failed: " + e.getMessage(), e);
    }
  }

  private void read() throws IOException {
    ByteBuffer buffer = io.readBuffer();
    for (int turn = 0; turn < 4 && !closed.get(); turn++) { // a bounded share of the thread per turn
      buffer.clear();
      int n = channel.read(buffer);
      if (n < 0) {
        fail("the server at " + address + " closed the connection", null);
        return;
      }
      if (n == 0) {
        return;
      }
      framer.feed(buffer.array(), 0, n);
      if (n < buffer.capacity()) {
        return;
      }
    }
  }

  /**
   * Queues a message (its bytes end in CR LF); {@code written}, if not null, runs on the I/O thread
   * once the last byte went to the socket. False if the transport is closed.
   */
  boolean send(byte[] message, Runnable written) {
    return send(message, written, false);
  }

  /**
   * {@link #send(byte[], Runnable)}; with {@code direct}, the caller's thread writes the message
   * itself when nothing is queued (and there is neither {@code written} nor a traffic log).
   */
  boolean send(byte[] message, Runnable written, boolean direct) {
    if (closed.get()) {
      return false;
    }
    ByteBuffer bytes = ByteBuffer.wrap(message);
    if (direct && written == null && log == null && writable && output.isEmpty() && !io.inThread()
        && !Thread.currentThread().isInterrupted()) { // an interrupt during a write closes the channel
      // Nothing queued: the caller writes its message itself, sparing a hand-over to the I/O thread
      // (which is what a blocking call's round trip waits for most, on a busy machine).
      synchronized (writeLock) {
        if (output.isEmpty() && !closed.get()) {
          try {
            channel.write(bytes);
          } catch (IOException e) {
            io.execute(() -> fail("writing to " + address + " failed: " + e.getMessage(), e));
            return true; // the end of the connection fails the call
          }
          if (!bytes.hasRemaining()) {
            return true;
          }
        }
        output.add(new Outgoing(bytes, null)); // the rest, for the I/O thread, or behind what is queued
      }
    } else {
      output.add(new Outgoing(bytes, written));
    }
    if (io.inThread()) {
      flush();
    } else if (flushScheduled.compareAndSet(false, true)) {
      io.execute(() -> {
        flushScheduled.set(false);
        flush();
      });
    }
    return true;
  }

  /** Writes what the socket takes; the rest waits for OP_WRITE. I/O thread only. */
  private void flush() {
    if (!connected || closed.get()) {
      return;
    }
    List<Runnable> done = null;
    IOException failure = null;
    synchronized (writeLock) {
      try {
        while (true) {
          int n = 0;
          for (Outgoing o : output) {
            gather[n++] = o.bytes;
            if (n == gather.length) {
              break;
            }
          }
          if (n == 0) {
            break;
          }
          channel.write(gather, 0, n);
          Arrays.fill(gather, 0, n, null);
          Outgoing head;
          while ((head = output.peek()) != null && !head.bytes.hasRemaining()) {
            output.poll();
            if (log != null) {
              byte[] m = head.bytes.array();
              int from = m.length > 0 && m[0] == (byte) 0xFF ? 1 : 0; // a guest agent resync's 0xFF is not JSON
              logSafely(true, Arrays.copyOfRange(m, from, Math.max(from, m.length - 2)));
            }
            if (head.written != null) {
              if (done == null) {
                done = new ArrayList<>();
              }
              done.add(head.written);
            }
          }
          if (head != null) {
            break; // the socket is full
          }
        }
      } catch (IOException e) {
        failure = e;
      }
    }
    if (done != null) {
      done.forEach(Runnable::run); // outside the lock: they complete calls
    }
    if (failure != null) {
      fail("writing to " + address + " failed: " + failure.getMessage(), failure);
      return;
    }
    if (key != null && key.isValid()) {
      key.interestOps(SelectionKey.OP_READ | (output.isEmpty() ? 0 : SelectionKey.OP_WRITE));
    }
  }

  private void logSafely(boolean sent, byte[] message) {
    try {
      if (sent) {
        log.sent(Instant.now(), message);
      } else {
        log.received(Instant.now(), message);
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the traffic log failed", e);
    }
  }

  private void fail(String text, Throwable cause) {
    if (close()) {
      receiver.lost(new QmpConnectionException(text, cause));
    }
  }

  /** Closes the socket; true the first time. Any thread. */
  boolean close() {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    writable = false;
    try {
      channel.close(); // also cancels the key
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "close failed", e);
    }
    output.clear();
    if (!io.inThread()) {
      io.execute(() -> {}); // the selector closes the socket when it next wakes: wake it now
    }
    return true;
  }

  boolean closed() {
    return closed.get();
  }
}
