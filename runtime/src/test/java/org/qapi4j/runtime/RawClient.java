package org.qapi4j.runtime;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A client that writes raw bytes and reads the server's lines exactly as sent (without CR LF). One
 * thread may write while another reads (the channel's own streams would serialise them).
 */
public final class RawClient implements Closeable {
  private final SocketChannel channel;
  private final InputStream in;

  public RawClient(SocketChannel channel) {
    this.channel = channel;
    this.in = new java.io.BufferedInputStream(new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return channel.read(java.nio.ByteBuffer.wrap(b, off, len));
      }
    });
  }

  public static RawClient unix(Path socket) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(socket));
    return new RawClient(channel);
  }

  public void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public void send(byte[] bytes) throws IOException {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** The next line; it must end in CR LF. Null at end of stream. */
  public String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
          throw new IOException("line without CR LF: " + line);
        }
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      }
      line.write(b);
    }
    return null;
  }

  public String call(String request) throws IOException {
    send(request);
    return line();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
