package org.qapi4j.testschemas.kitchen;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A QMP client over a unix socket that reads the server's messages as the lines it sent. */
final class LineClient implements Closeable {
  private final SocketChannel channel;
  private final InputStream in;
  private final OutputStream out;

  private LineClient(SocketChannel channel) {
    this.channel = channel;
    this.in = Channels.newInputStream(channel);
    this.out = Channels.newOutputStream(channel);
  }

  /** Connects, reads the greeting and completes capabilities negotiation. */
  static LineClient negotiated(Path socket) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(socket));
    LineClient c = new LineClient(channel);
    c.line();
    String reply = c.call("{\"execute\": \"qmp_capabilities\"}");
    if (!reply.equals("{\"return\": {}}")) {
      throw new IOException("negotiation failed: " + reply);
    }
    return c;
  }

  /** The next message without its CR LF; null at end of stream. */
  String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      }
      line.write(b);
    }
    return null;
  }

  String call(String request) throws IOException {
    out.write(request.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return line();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
