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
 *       bench/PipelineBench.java [--oob] [--batches 15] [--batch 20000] [--warmup 10] [--socket PATH]
 * </pre>
 *
 * {@code --oob} negotiates the {@code oob} capability (up to 8 requests queued per session, QEMU's
 * rule), else one request at a time, as QEMU serves a session without it. {@code --socket PATH}
 * drives a server already listening there instead (QEMU: {@code qemu-system-x86_64 -M none
 * -nodefaults -display none -qmp unix:PATH,server=on,wait=off}); the classpath is then not needed.
 */
public final class PipelineBench {
  private static final String QUERY_STATUS = "{\"execute\": \"query-status\"}";

  public static void main(String[] args) throws Exception {
    int batches = 15;
    int batch = 20_000;
    int warmup = 10;
    boolean oob = false;
    Path socket = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--batches" -> batches = Integer.parseInt(args[++i]);
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--oob" -> oob = true;
        case "--socket" -> socket = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    AutoCloseable server = null;
    if (socket == null) {
      socket = Files.createTempDirectory("qmp-pipeline").resolve("qmp.sock");
      server = InProcess.start(socket);
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      Lines in = new Lines(channel);
      in.line(); // the greeting
      write(channel, (oob ? "{\"execute\": \"qmp_capabilities\", \"arguments\": {\"enable\": [\"oob\"]}}"
          : "{\"execute\": \"qmp_capabilities\"}").getBytes(StandardCharsets.UTF_8));
      in.line();
      byte[] requests = QUERY_STATUS.repeat(batch).getBytes(StandardCharsets.UTF_8);
      double[] rates = new double[batches];
      for (int b = -warmup; b < batches; b++) {
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
          String reply = in.line();
          if (reply == null || !reply.startsWith("{\"return\": {")) {
            throw new IllegalStateException("reply " + i + " of batch " + b + ": " + reply);
          }
        }
        double rate = batch / ((System.nanoTime() - t0) / 1e9);
        writer.join();
        if (b < 0) {
          System.out.printf(Locale.ROOT, "warm-up:  %,9.0f replies/s%n", rate);
          continue;
        }
        rates[b] = rate;
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

  private static void write(SocketChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** The server's lines, read through a buffer (the channel is written by another thread). */
  private static final class Lines {
    private final SocketChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).flip();

    Lines(SocketChannel channel) {
      this.channel = channel;
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

  /** The runtime's server in this JVM, through reflection so that {@code --socket} needs no classpath. */
  private static final class InProcess {
    static AutoCloseable start(Path socket) throws Exception {
      Class<?> server = Class.forName("org.qapi4j.runtime.server.QmpServer");
      Class<?> endpoint = Class.forName("org.qapi4j.runtime.QmpEndpoint");
      Class<?> command = Class.forName("org.qapi4j.runtime.QmpCommand");
      Class<?> handler = Class.forName("org.qapi4j.runtime.CommandHandler");
      Class<?> writer = Class.forName("org.qapi4j.runtime.ReplyWriter");
      Object reply = java.lang.reflect.Proxy.newProxyInstance(writer.getClassLoader(), new Class<?>[] {writer},
          (proxy, method, a) -> {
            if (!method.getName().equals("write")) {
              return method.invoke(new Object(), a);
            }
            Object g = a[0];
            Class<?> gen = Class.forName("tools.jackson.core.JsonGenerator");
            gen.getMethod("writeStartObject").invoke(g);
            gen.getMethod("writeName", String.class).invoke(g, "status");
            gen.getMethod("writeString", String.class).invoke(g, "running");
            gen.getMethod("writeName", String.class).invoke(g, "singlestep");
            gen.getMethod("writeBoolean", boolean.class).invoke(g, false);
            gen.getMethod("writeName", String.class).invoke(g, "running");
            gen.getMethod("writeBoolean", boolean.class).invoke(g, true);
            gen.getMethod("writeEndObject").invoke(g);
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
