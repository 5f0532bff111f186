import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Pipelined throughput on one connection, batch after batch: does it stay steady? Each batch sends
 * {@code --batch} {@code query-status} requests (a writer thread) while the main thread reads the
 * replies; the rate of each batch is printed, then min/median/max and max/min over
 * {@code --batches} batches, after {@code --warmup} batches (10) that are not counted (the JIT
 * compiles the server meanwhile: the first batch of a fresh JVM runs at a fraction of the rate).
 * The goal: the slowest batch within 1.5x of the fastest.
 *
 * <p>By default it serves the requests itself, with the runtime's {@code QmpServer} in this JVM
 * (one hand-registered {@code query-status}), on a unix socket in a temporary directory. Run from
 * the project root after {@code mvn -q -pl runtime -am -DskipTests install} (or {@code package}):
 *
 * <pre>
 *   java -cp runtime/target/classes:$HOME/.m2/repository/tools/jackson/core/jackson-core/3.2.4/jackson-core-3.2.4.jar \
 *       bench/PipelineBench.java [--oob] [--batches 15] [--batch 20000] [--warmup 10] [--socket PATH | --floor]
 * </pre>
 *
 * {@code --oob} negotiates the {@code oob} capability (up to 8 requests queued per session, QEMU's
 * rule), else one request at a time, as QEMU serves a session without it. {@code --socket PATH}
 * drives a server already listening there instead (QEMU: {@code qemu-system-x86_64 -M none
 * -nodefaults -display none -qmp unix:PATH,server=on,wait=off}); the classpath is then not needed.
 *
 * <p>{@code --floor} serves the same client with {@link Floor}: QEMU's two threads and nothing
 * else (no JSON, no dispatch), to show how steady two threads handing requests to each other can
 * be on this machine. What is left between its max/min and the server's is the server's.
 */
public final class PipelineBench {
  private static final String QUERY_STATUS = "{\"execute\": \"query-status\"}";
  private static final byte[] RETURN = "{\"return\": {".getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) throws Exception {
    int batches = 15;
    int batch = 20_000;
    int warmup = 10;
    boolean oob = false;
    Path socket = null;
    boolean floor = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--batches" -> batches = Integer.parseInt(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--oob" -> oob = true;
        case "--socket" -> socket = Path.of(args[++i]);
        case "--floor" -> floor = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    AutoCloseable server = null;
    if (socket == null) {
      socket = Files.createTempDirectory("qmp-pipeline").resolve("qmp.sock");
      server = floor ? Floor.start(socket, oob) : InProcess.start(socket);
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      Lines in = new Lines(channel);
      in.line(); // the greeting
      write(channel, (oob ? "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}"
          : "{\"execute\": \"qmp_capabilities\"}").getBytes(StandardCharsets.UTF_8));
      in.line();
      byte[] requests = QUERY_STATUS.repeat(batch).getBytes(StandardCharsets.UTF_8);
      // The rates are printed at the end: formatting between batches kept the JIT compiling
      // the bench's own printing while the server was being measured.
      double[] warmRates = new double[warmup];
      for (int b = 0; b < warmup; b++) {
        warmRates[b] = batch(channel, in, requests, batch);
      }
      double[] rates = new double[batches];
      for (int b = 0; b < batches; b++) {
        rates[b] = batch(channel, in, requests, batch);
      }
      for (double rate : warmRates) {
        System.out.printf(Locale.ROOT, "warm-up:  %,9.0f replies/s%n", rate);
      }
      for (int b = 0; b < batches; b++) {
        System.out.printf(Locale.ROOT, "batch %2d: %,9.0f replies/s%n", b + 1, rates[b]);
      }
      double[] sorted = rates.clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "%d batches of %,d pipelined query-status (%s): min %,.0f, median %,.0f, max %,.0f"
              + " replies/s; max/min %.2f%n", batches, batch, oob ? "oob" : "no oob", sorted[0],
          sorted[batches / 2], sorted[batches - 1], sorted[batches - 1] / sorted[0]);
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /**
   * One batch: a writer thread sends the requests while this thread checks every reply in place.
   * A method of its own, so that the JIT compiles it whole rather than replacing a running loop.
   */
  private static double batch(SocketChannel channel, Lines in, byte[] requests, int batch) throws Exception {
    long t0 = System.nanoTime();
    Thread writer = new Thread(() -> {
      try {
        write(channel, requests);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    for (int i = 0; i < batch; i++) {
      if (!in.skipLine(RETURN)) {
        throw new IllegalStateException("reply " + i + " of a batch: " + in.line());
      }
    }
    double rate = batch / ((System.nanoTime() - t0) / 1e9);
    writer.join();
    return rate;
  }

  private static void write(SocketChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /**
   * The server's lines, read through a buffer (the channel is written by another thread). Replies
   * are checked in place ({@link #skipLine}): the reader must cost far less than the server, or it
   * is the reader's speed that is measured.
   */
  private static final class Lines {
    private final SocketChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).flip();

    Lines(SocketChannel channel) {
      this.channel = channel;
    }

    /** Reads past the next line; false if it does not begin with {@code prefix} (or at the end). */
    boolean skipLine(byte[] prefix) throws IOException {
      if (!fill()) {
        return false;
      }
      boolean matches = true;
      for (int i = 0; matches && i < prefix.length; i++) {
        if (!fill()) {
          return false;
        }
        matches = buffer.get() == prefix[i];
      }
      if (!matches) {
        return false; // the rest of the line is left for line(), to show it
      }
      while (true) {
        if (!fill()) {
          return false;
        }
        int p = buffer.position();
        int end = buffer.limit();
        byte[] a = buffer.array();
        for (int i = p; i < end; i++) {
          if (a[i] == '\n') {
            buffer.position(i + 1);
            return true;
          }
        }
        buffer.position(end);
      }
    }

    /** True when the buffer holds a byte, reading into it if needed; false at the end of input. */
    private boolean fill() throws IOException {
      while (!buffer.hasRemaining()) {
        buffer.clear();
        if (channel.read(buffer) < 0) {
          buffer.limit(0);
          return false;
        }
        buffer.flip();
      }
      return true;
    }

    String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream(64);
      while (true) {
        if (!buffer.hasRemaining()) {
          buffer.clear();
          if (channel.read(buffer) < 0) {
            return null;
          }
          buffer.flip();
          continue;
        }
        byte b = buffer.get();
        if (b == '\n') {
          return line.toString(StandardCharsets.UTF_8).stripTrailing();
        }
        line.write(b);
      }
    }
  }

  /**
   * The shape of QEMU's monitor and nothing more: an input thread that finds where each request
   * ends (braces counted; the bench sends no strings holding them) and hands it to a second thread,
   * which writes a fixed reply. With {@code oob}, the input thread may be 8 requests ahead, and
   * goes on as soon as the second thread takes one (QEMU's queue); without, it waits for each
   * reply. One connection; for {@code --floor} only.
   */
  private static final class Floor {
    static AutoCloseable start(Path socket, boolean oob) throws IOException {
      java.nio.channels.ServerSocketChannel server = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
      byte[] reply = "{\"return\": {\"status\": \"running\", \"singlestep\": false, \"running\": true}}\r\n"
          .getBytes(StandardCharsets.UTF_8);
      java.util.concurrent.BlockingQueue<Boolean> queue = new java.util.concurrent.LinkedBlockingQueue<>();
      java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(oob ? 8 : 1);
      SocketChannel[] client = new SocketChannel[1];
      Thread input = new Thread(() -> {
        try {
          SocketChannel c = server.accept();
          client[0] = c;
          write(c, "{\"QMP\": {}}\r\n".getBytes(StandardCharsets.UTF_8));
          ByteBuffer in = ByteBuffer.allocate(64 * 1024);
          int depth = 0;
          while (c.read(in.clear()) >= 0) {
            for (int i = 0; i < in.position(); i++) {
              byte b = in.get(i);
              if (b == '{') {
                depth++;
              } else if (b == '}' && --depth == 0) {
                slots.acquire();
                queue.put(Boolean.TRUE);
              }
            }
          }
        } catch (IOException | InterruptedException e) {
          // the bench has ended
        }
      }, "floor-input");
      Thread main = new Thread(() -> {
        try {
          while (true) {
            queue.take();
            if (oob) {
              slots.release(); // a request taken: the input may go on
            }
            write(client[0], reply);
            if (!oob) {
              slots.release(); // replied: the input may go on
            }
          }
        } catch (IOException | InterruptedException e) {
          // the bench has ended
        }
      }, "floor-main");
      input.setDaemon(true);
      main.setDaemon(true);
      input.start();
      main.start();
      return server::close;
    }
  }

  /** The runtime's server in this JVM, through reflection so that {@code --socket} needs no classpath. */
  private static final class InProcess {
    static AutoCloseable start(Path socket) throws Exception {
      Class<?> server = Class.forName("org.qapi4j.runtime.server.QmpServer");
      Class<?> endpoint = Class.forName("org.qapi4j.runtime.QmpEndpoint");
      Class<?> command = Class.forName("org.qapi4j.runtime.QmpCommand");
      Class<?> handler = Class.forName("org.qapi4j.runtime.CommandHandler");
      Class<?> writer = Class.forName("org.qapi4j.runtime.ReplyWriter");
      // The generator's methods are looked up once: reflection on every reply (lookups, access
      // checks, Method copies) allocated more than the server itself and added noise to the rates.
      Class<?> gen = Class.forName("tools.jackson.core.JsonGenerator");
      java.lang.reflect.Method startObject = gen.getMethod("writeStartObject");
      java.lang.reflect.Method name = gen.getMethod("writeName", String.class);
      java.lang.reflect.Method string = gen.getMethod("writeString", String.class);
      java.lang.reflect.Method bool = gen.getMethod("writeBoolean", boolean.class);
      java.lang.reflect.Method endObject = gen.getMethod("writeEndObject");
      Object[] none = {};
      Object[] status = {"status"};
      Object[] running = {"running"};
      Object[] singlestep = {"singlestep"};
      Object[] no = {Boolean.FALSE};
      Object[] yes = {Boolean.TRUE};
      Object reply = java.lang.reflect.Proxy.newProxyInstance(writer.getClassLoader(), new Class<?>[] {writer},
          (proxy, method, a) -> {
            if (!method.getName().equals("write")) {
              return method.invoke(new Object(), a);
            }
            Object g = a[0];
            startObject.invoke(g, none);
            name.invoke(g, status);
            string.invoke(g, running);
            name.invoke(g, singlestep);
            bool.invoke(g, no);
            name.invoke(g, running);
            bool.invoke(g, yes);
            endObject.invoke(g, none);
            return null;
          });
      Object h = java.lang.reflect.Proxy.newProxyInstance(handler.getClassLoader(), new Class<?>[] {handler},
          (proxy, method, a) -> method.getName().equals("invoke") ? reply : method.invoke(new Object(), a));
      Object qs = command.getConstructor(String.class, handler).newInstance("query-status", h);
      Object builder = server.getMethod("builder").invoke(null);
      builder.getClass().getMethod("command", command).invoke(builder, qs);
      builder.getClass().getMethod("endpoint", endpoint).invoke(builder,
          endpoint.getMethod("unix", Path.class).invoke(null, socket));
      Object s = builder.getClass().getMethod("build").invoke(builder);
      server.getMethod("start").invoke(s);
      return () -> server.getMethod("shutdown").invoke(s);
    }
  }

  private PipelineBench() {}
}
