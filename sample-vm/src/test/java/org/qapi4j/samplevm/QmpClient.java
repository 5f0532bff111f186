package org.qapi4j.samplevm;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A raw QMP client for tests: writes request bytes, reads reply lines as QEMU sends them. */
final class QmpClient implements Closeable {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  private final SocketChannel channel;
  private final BufferedReader in;
  private final OutputStream out;

  private QmpClient(SocketChannel channel) {
    this.channel = channel;
    this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    this.out = Channels.newOutputStream(channel);
  }

  /**
   * Connects to a unix socket, retrying while the server has not bound it yet (a process just
   * started), for at most {@code patience}.
   */
  static QmpClient connect(Path socket, Duration patience) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (true) {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new QmpClient(channel);
      } catch (IOException e) {
        channel.close();
        if (Instant.now().isAfter(deadline)) {
          throw e;
        }
        Thread.sleep(20); // back-off between connection attempts, not synchronisation
      }
    }
  }

  /** Connects to a TCP port on loopback, retrying as {@link #connect} does. */
  static QmpClient connectTcp(int port, Duration patience) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (true) {
      SocketChannel channel = SocketChannel.open();
      try {
        channel.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        return new QmpClient(channel);
      } catch (IOException e) {
        channel.close();
        if (Instant.now().isAfter(deadline)) {
          throw e;
        }
        Thread.sleep(20); // back-off between connection attempts, not synchronisation
      }
    }
  }

  void send(String request) throws IOException {
    out.write(request.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The next line the server sent, without its CR LF; null at end of stream. */
  String readLine() throws IOException {
    return in.readLine();
  }

  JsonNode read() throws IOException {
    String line = readLine();
    if (line == null) {
      throw new IOException("connection closed");
    }
    return JSON.readTree(line);
  }

  /** Sends a request and returns the next message. */
  JsonNode call(String request) throws IOException {
    send(request);
    return read();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
