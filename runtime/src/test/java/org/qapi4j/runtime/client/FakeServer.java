package org.qapi4j.runtime.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.qapi4j.runtime.json.JsonValue;

/**
 * A scripted QMP server on a unix socket, for what the real one never does: staying silent,
 * answering late, with foreign ids, huge replies, or hanging up mid-call. Serves one client; the
 * script runs on its own thread and its failure fails {@link #finish()}.
 */
final class FakeServer implements AutoCloseable {
  static final String GREETING =
      "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, \"package\": \"fake\"}, "
          + "\"capabilities\": [\"oob\"]}}";

  interface Script {
    void run(Conn c) throws Exception;
  }

  /** The server's side of the one connection. */
  static final class Conn {
    final SocketChannel channel;
    private final BufferedReader in;

    Conn(SocketChannel channel) {
      this.channel = channel;
      this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    /** The next request's text (the client ends each with CR LF); null at end of stream. */
    String readLine() throws IOException {
      String line = in.readLine();
      return line == null ? null : line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    JsonValue readRequest() throws IOException {
      String line = readLine();
      if (line == null) {
        throw new IOException("the client hung up");
      }
      return Json.parse(line);
    }

    static long id(JsonValue request) {
      return Json.int64(Json.member(request, "id"));
    }

    /** Writes bytes as they are (a guest agent's 0xFF, garbage). */
    void sendBytes(byte[] bytes) throws IOException {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        channel.write(b);
      }
    }

    void send(String message) throws IOException {
      ByteBuffer b = ByteBuffer.wrap((message + "\r\n").getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        channel.write(b);
      }
    }

    /** Greets and accepts the negotiation; the id of the qmp_capabilities request. */
    long handshake() throws IOException {
      send(GREETING);
      JsonValue r = readRequest();
      if (!"qmp_capabilities".equals(Json.string(Json.member(r, "execute")))) {
        throw new IOException("expected qmp_capabilities, got " + Json.toText(r));
      }
      send("{\"return\": {}, \"id\": " + id(r) + "}");
      return id(r);
    }
  }

  final Path socket;
  private final ServerSocketChannel listener;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private volatile SocketChannel accepted;

  FakeServer(Path dir, Script script) throws IOException {
    socket = dir.resolve("fake.sock");
    listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    listener.bind(UnixDomainSocketAddress.of(socket));
    Thread t = new Thread(() -> {
      try (SocketChannel c = listener.accept()) {
        accepted = c;
        script.run(new Conn(c));
        done.complete(null);
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    }, "fake-qmp-server");
    t.setDaemon(true);
    t.start();
  }

  UnixDomainSocketAddress address() {
    return UnixDomainSocketAddress.of(socket);
  }

  /** Waits for the script to end; rethrows what it threw. */
  void finish() throws Exception {
    done.get(20, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    listener.close();
    SocketChannel c = accepted;
    if (c != null) {
      c.close();
    }
  }
}
