package org.qapi4j.runtime.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.qapi4j.runtime.CompatPolicy;
import org.qapi4j.runtime.DispatchTable;
import org.qapi4j.runtime.EventSink;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpEndpoint;
import org.qapi4j.runtime.QmpEvent;
import org.qapi4j.runtime.internal.LazyLogger;
import org.qapi4j.runtime.json.QmpJson;

/**
 * A QMP server, as QEMU's monitor: it greets each client, negotiates capabilities, runs commands
 * from its dispatch tables and sends events to every client that completed negotiation.
 *
 * <pre>{@code
 * QmpServer server = QmpServer.builder()
 *     .version(7, 2, 0, "my-vm 1.0")
 *     .commands(new MySchema_Dispatch(impl))
 *     .endpoint(QmpEndpoint.parse("unix:/tmp/vm.sock,server=on,wait=off"))
 *     .build();
 * server.start();
 * }</pre>
 *
 * <p>{@link Builder#guestAgent} makes it serve a guest agent's schema as {@code qemu-ga} does on
 * its channel: no greeting, no negotiation, no events, 0xFF before the reply of
 * {@code guest-sync-delimited}.
 *
 * <p>Threads as in QEMU: one I/O thread serves every socket (and runs out-of-band commands); one
 * main loop runs in-band commands one at a time, in arrival order. {@link #mainLoop()} runs the
 * application's own work there too.
 */
public final class QmpServer {
  /**
   * The logger keeps the name it had before the class moved to package {@code server}: logging
   * configurations name it.
   */
  private static final System.Logger LOG = LazyLogger.named("org.qapi4j.runtime.QmpServer");

  private final List<QmpEndpoint> endpoints;
  private final byte[] greeting;
  private final MainLoop mainLoop = new MainLoop();
  private final IoThread io;
  private final Dispatcher dispatcher;
  private final Sessions sessions;
  private final List<ServerSocketChannel> listeners = new ArrayList<>();
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final EventSink events = this::emit;
  private final java.util.concurrent.ScheduledExecutorService timers =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "qmp-event-timer");
            t.setDaemon(true);
            return t;
          });
  private final EventThrottle throttle;
  /**
   * Held while an event is timestamped and handed to the sessions (or to the throttle, or sent by
   * it when a period ends): every session gets the events in one order, that of their timestamps.
   */
  private final Object emission = new Object();
  private final Clock clock;
  private final CompatPolicy policy;
  private final ServerLimits limits;
  private final Acceptor acceptor;
  private final boolean guestAgent;
  private volatile boolean started;
  private volatile boolean stopping;

  private QmpServer(Builder b) {
    this.endpoints = List.copyOf(b.endpoints);
    this.guestAgent = b.guestAgent;
    this.greeting = b.guestAgent ? null : greeting(b.major, b.minor, b.micro, b.pkg);
    this.policy = b.policy;
    this.dispatcher = new Dispatcher(
        mainLoop, b.commands, b.introspection, b.policy, b.legacyRunOob, b.preconfig, b.guestAgent);
    try {
      this.io = new IoThread();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.limits = b.limits;
    this.acceptor = b.acceptor;
    this.sessions = new Sessions(dispatcher, io, greeting, b.limits);
    this.clock = b.clock;
    EventThrottle.Scheduler timer =
        b.timer != null ? b.timer : (task, millis) -> timers.schedule(task, millis, TimeUnit.MILLISECONDS);
    this.throttle =
        new EventThrottle(
            sessions::broadcast,
            (task, millis) -> timer.schedule(() -> {
              synchronized (emission) {
                task.run();
              }
            }, millis));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds every endpoint, starts the threads, and waits for the first client where asked. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    mainLoop.start();
    io.start();
    // The loggers, found on first use so as not to delay the greeting, are found now, beside it:
    // out of descriptors, logging could not be set up any more (and stays broken for good).
    Thread logSetup = new Thread(LazyLogger::resolveAll, "qmp-log-setup");
    logSetup.setDaemon(true);
    logSetup.start();
    List<CountDownLatch> waits = new ArrayList<>();
    for (QmpEndpoint e : endpoints) {
      if (e.kind() == QmpEndpoint.Kind.STDIO) {
        sessions.openStdio(System.in, System.out);
        continue;
      }
      ServerSocketChannel listener = bind(e);
      listeners.add(listener);
      CountDownLatch firstClient = new CountDownLatch(e.waitForClient() ? 1 : 0);
      waits.add(firstClient);
      int index = listeners.size() - 1;
      io.execute(() -> listen(listener, index, firstClient));
    }
    for (CountDownLatch w : waits) {
      try {
        w.await();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static ServerSocketChannel bind(QmpEndpoint e) {
    try {
      if (e.kind() == QmpEndpoint.Kind.UNIX) {
        Files.deleteIfExists(e.path()); // a stale socket of an earlier run
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(e.path()));
        return s;
      }
      ServerSocketChannel s = ServerSocketChannel.open();
      s.bind(new InetSocketAddress(e.host(), e.port()));
      return s;
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot listen on " + e + ": " + ex.getMessage(), ex);
    }
  }

  /** How a listener accepts: {@link ServerSocketChannel#accept}, or a test's replacement. */
  @FunctionalInterface
  interface Acceptor {
    SocketChannel accept(ServerSocketChannel listener) throws IOException;
  }

  /** The state of one listening socket; I/O thread only. */
  private final class Listener {
    final ServerSocketChannel channel;
    final int index;
    final CountDownLatch firstClient;
    SelectionKey key;
    /** The pause before accepting again after a failure (ms); 0 while accepting works. */
    long backoff;
    long failures;

    Listener(ServerSocketChannel channel, int index, CountDownLatch firstClient) {
      this.channel = channel;
      this.index = index;
      this.firstClient = firstClient;
    }
  }

  /** The first pause after a failed {@code accept}, and the longest. */
  static final long ACCEPT_BACKOFF_MIN_MILLIS = 10;
  static final long ACCEPT_BACKOFF_MAX_MILLIS = 1000;

  private void listen(ServerSocketChannel listener, int index, CountDownLatch firstClient) {
    try {
      listener.configureBlocking(false);
      Listener l = new Listener(listener, index, firstClient);
      l.key = io.register(listener, SelectionKey.OP_ACCEPT, key -> accept(l));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.ERROR, "cannot listen", e);
      firstClient.countDown();
    }
  }

  /**
   * Accepts the clients waiting (a bounded number per turn, so that others are served too). When
   * {@code accept} fails (out of file descriptors, say), the listener stops being watched for a
   * pause that doubles from 10 ms to 1 s while it keeps failing, and the failure is logged once per
   * episode: the thread never spins on a listener it cannot serve, and serves it again once
   * {@code accept} works.
   */
  private void accept(Listener l) {
    for (int i = 0; i < 64; i++) {
      SocketChannel channel;
      try {
        channel = acceptor.accept(l.channel);
      } catch (IOException | RuntimeException e) {
        acceptFailed(l, e);
        return;
      }
      if (channel == null) {
        return;
      }
      if (l.backoff > 0) {
        log(System.Logger.Level.INFO, "accepting QMP clients again after " + l.failures + " failed attempts", null);
        l.backoff = 0;
        l.failures = 0;
      }
      sessions.openSocket(channel, l.index);
      l.firstClient.countDown();
    }
  }

  private void acceptFailed(Listener l, Exception e) {
    l.failures++;
    if (l.backoff == 0) {
      log(System.Logger.Level.WARNING, "accept failed; retrying after a pause of " + ACCEPT_BACKOFF_MIN_MILLIS
          + " ms growing to " + ACCEPT_BACKOFF_MAX_MILLIS + " ms, logged once until it works again", e);
      l.backoff = ACCEPT_BACKOFF_MIN_MILLIS;
    } else {
      l.backoff = Math.min(ACCEPT_BACKOFF_MAX_MILLIS, l.backoff * 2);
    }
    if (!l.key.isValid()) {
      return;
    }
    l.key.interestOps(0);
    io.schedule(TimeUnit.MILLISECONDS.toNanos(l.backoff), () -> {
      if (l.key.isValid()) {
        l.key.interestOps(SelectionKey.OP_ACCEPT);
      }
    });
  }

  /** Logs, and never throws: a failing logger must not take the I/O thread down. */
  private static void log(System.Logger.Level level, String text, Throwable e) {
    Session.log(LOG, level, text, e);
  }

  /**
   * Where the events of generated emitters go: every negotiated session, in emission order. Any
   * thread may emit; emitting never waits for a client. A guest agent ({@link Builder#guestAgent})
   * has no events: emitting throws {@link IllegalStateException}.
   */
  public EventSink events() {
    return events;
  }

  /** Runs tasks on the main loop, where in-band commands run. */
  public Executor mainLoop() {
    return mainLoop;
  }

  /** The port a TCP endpoint is bound to (useful with port 0), by index among the socket endpoints. */
  public int boundPort(int listenerIndex) {
    try {
      return ((InetSocketAddress) listeners.get(listenerIndex).getLocalAddress()).getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The number of open sessions. */
  public int sessionCount() {
    return sessions.count();
  }

  /** The clients closed as soon as they connected because the session bound was reached ({@link Builder#maxSessions}). */
  public long refusedSessions() {
    return sessions.refused();
  }

  /** The events dropped for clients that did not read their output, over all sessions. */
  public long droppedEvents() {
    return sessions.droppedEvents();
  }

  /** The bytes of replies and events queued for clients and not yet written, over all sessions. */
  public long outputWaiting() {
    return sessions.outputWaiting();
  }

  /** The bounds the server keeps its clients within. */
  public ServerLimits limits() {
    return limits;
  }

  /** The number of in-band requests read from clients and waiting for the main loop. */
  public int queuedRequests() {
    return mainLoop.queuedRequests();
  }

  /** The number of asynchronous commands started and not yet completed, over all sessions. */
  public int pendingCommands() {
    return sessions.pendingCommands();
  }

  /**
   * Disconnects every client of a socket endpoint (by index among the socket endpoints), which
   * goes on listening: QEMU's {@code yank} of a socket chardev. Returns how many were connected.
   */
  public int disconnect(int listenerIndex) {
    return sessions.disconnect(listenerIndex);
  }

  /**
   * True while the server is in QEMU's preconfig phase ({@link Builder#preconfig}), where only
   * {@code allow-preconfig} commands run.
   */
  public boolean preconfig() {
    return dispatcher.preconfig();
  }

  /**
   * Ends the preconfig phase (what {@code x-exit-preconfig} does once the machine is built):
   * every command may run from now on.
   */
  public void exitPreconfig() {
    dispatcher.exitPreconfig();
  }

  /**
   * The names of all commands, the server's own ({@code qmp_capabilities}, {@code query-commands})
   * first; a guest agent has none of its own.
   */
  public List<String> commandNames() {
    return dispatcher.commandNames();
  }

  private void emit(QmpEvent event) {
    Objects.requireNonNull(event, "event");
    if (guestAgent) {
      throw new IllegalStateException("a guest agent sends no events (qemu-ga has none): " + event.name());
    }
    if (policy.hides(event.features())) {
      return; // -compat deprecated-output=hide (unstable-output=hide): such events are not sent
    }
    synchronized (emission) {
      Instant now = clock.instant();
      byte[] message;
      try {
        message =
            org.qapi4j.runtime.marshal.Compat.with(policy, () -> QmpJson.message(
                g -> {
                  g.writeStartObject();
                  g.writeName("timestamp");
                  g.writeStartObject();
                  g.writeName("seconds");
                  g.writeNumber(now.getEpochSecond());
                  g.writeName("microseconds");
                  g.writeNumber(now.getNano() / 1000);
                  g.writeEndObject();
                  g.writeName("event");
                  g.writeString(event.name());
                  if (event.data() != null) {
                    g.writeName("data");
                    event.data().write(g);
                  }
                  g.writeEndObject();
                }));
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "event " + event.name() + " could not be written; dropped", e);
        return;
      }
      if (event.throttleMillis() > 0) {
        throttle.offer(event.name(), event.throttleKey(), event.throttleMillis(), message);
      } else {
        sessions.broadcast(message);
      }
    }
  }

  /**
   * Stops: no new requests run, what each client has pending is written (for at most two
   * seconds), then every session and endpoint is closed.
   */
  public void shutdown() {
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
    }
    mainLoop.stop();
    timers.shutdownNow();
    try {
      mainLoop.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    CountDownLatch flushed = new CountDownLatch(1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    io.execute(() -> closeListeners());
    sessions.flushAll(deadline, flushed::countDown);
    try {
      flushed.await(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sessions.closeAll();
    io.stop();
    try {
      io.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (QmpEndpoint e : endpoints) {
      if (e.kind() == QmpEndpoint.Kind.UNIX) {
        try {
          Files.deleteIfExists(e.path());
        } catch (IOException ex) {
          LOG.log(System.Logger.Level.DEBUG, "cannot remove " + e.path(), ex);
        }
      }
    }
    terminated.countDown();
  }

  private void closeListeners() {
    for (ServerSocketChannel l : listeners) {
      try {
        l.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.DEBUG, "close failed", e);
      }
    }
  }

  /** Waits until {@link #shutdown()} has finished. */
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }

  private static byte[] greeting(int major, int minor, int micro, String pkg) {
    return QmpJson.message(
        g -> {
          g.writeStartObject();
          g.writeName("QMP");
          g.writeStartObject();
          g.writeName("version");
          g.writeStartObject();
          g.writeName("qemu");
          g.writeStartObject();
          g.writeName("micro");
          g.writeNumber(micro);
          g.writeName("minor");
          g.writeNumber(minor);
          g.writeName("major");
          g.writeNumber(major);
          g.writeEndObject();
          g.writeName("package");
          g.writeString(pkg);
          g.writeEndObject();
          g.writeName("capabilities");
          g.writeStartArray();
          g.writeString("oob");
          g.writeEndArray();
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /** Builds a {@link QmpServer}. */
  public static final class Builder {
    private int major = 7;
    private int minor = 2;
    private int micro = 0;
    private String pkg = "";
    private final List<QmpCommand> commands = new ArrayList<>();
    private final List<QmpEndpoint> endpoints = new ArrayList<>();
    private byte[] introspection;
    private CompatPolicy policy = CompatPolicy.DEFAULT;
    private boolean preconfig;
    private boolean legacyRunOob;
    private Clock clock = Clock.systemUTC();
    private EventThrottle.Scheduler timer;
    private ServerLimits limits = ServerLimits.DEFAULT;
    private Acceptor acceptor = ServerSocketChannel::accept;
    private boolean guestAgent;

    private Builder() {}

    /**
     * Serves a guest agent's schema as QEMU's guest agent, {@code qemu-ga} 7.2, does on its channel
     * (the dialect {@code QmpClient.connectGuestAgent} speaks):
     *
     * <ul>
     *   <li>no greeting and no capabilities negotiation: commands run at once, and
     *       {@code qmp_capabilities}, {@code query-commands} and {@code query-qmp-schema} are not the
     *       server's (they are {@code CommandNotFound}, {@code The command NAME has not been found},
     *       unless the dispatch tables have them); {@link #version} and a table's introspection
     *       data are not used;
     *   <li>replies end in {@code \n}, not {@code \r\n};
     *   <li>the successful reply of {@code guest-sync-delimited} (the schema's command: the
     *       application implements it, returning its {@code id} argument) is preceded by byte
     *       0xFF; byte 0xFF in the input resets the parser and is answered as a stray byte (a
     *       {@code JSON parse error}), as in QMP;
     *   <li>{@code exec-oob} is {@code QMP input member 'exec-oob' is unexpected} (the agent never
     *       enables {@code oob});
     *   <li>no events: {@link QmpServer#events()} throws when emitted to.
     * </ul>
     *
     * Every other reply, ids and error texts included, is QMP's, which {@code qemu-ga} shares. Not
     * with {@link #preconfig} or {@link #legacyRunOob}.
     */
    public Builder guestAgent(boolean guestAgent) {
      this.guestAgent = guestAgent;
      return this;
    }

    /**
     * The most sessions open at once (10,000 by default): a client connecting beyond it is closed
     * at once, counted ({@link QmpServer#refusedSessions}) and logged once per episode.
     */
    public Builder maxSessions(int max) {
      this.limits = limits.withMaxSessions(max);
      return this;
    }

    /**
     * How long a socket client with output waiting may read none of it before it is disconnected
     * (5 minutes by default; {@link java.time.Duration#ZERO}: never). A client that reads, however
     * slowly, is never disconnected.
     */
    public Builder stalledClientTimeout(java.time.Duration timeout) {
      this.limits = limits.withStallTimeout(timeout);
      return this;
    }

    /**
     * The output bounds per client: {@code readPause} bytes waiting stop its input being read
     * until half of them are written (back-pressure, 1 MiB by default), {@code outputLimit} bytes waiting make events for it be
     * dropped and counted (16 MiB by default).
     */
    public Builder outputLimits(long readPause, long outputLimit) {
      this.limits = limits.withOutput(outputLimit, readPause);
      return this;
    }

    /** Replaces {@code accept} (tests inject its failures). */
    Builder acceptor(Acceptor acceptor) {
      this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
      return this;
    }

    /**
     * The time of events, for tests and simulations: {@code clock} gives their timestamps,
     * {@code timer} times the periods of rate-limited events ({@code @Event(throttleMillis)}). By
     * default the wall clock and a timer thread of the server.
     */
    public Builder eventTime(Clock clock, EventThrottle.Scheduler timer) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.timer = Objects.requireNonNull(timer, "timer");
      return this;
    }

    /**
     * The compat policy, QEMU's {@code -compat} ({@link CompatPolicy#parse} reads its syntax): what
     * to do with deprecated and unstable commands, arguments, enum values, results and events.
     */
    public Builder compat(CompatPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Starts in QEMU's preconfig phase ({@code --preconfig}): until {@link QmpServer#exitPreconfig},
     * commands without {@code allow-preconfig} get {@code The command 'NAME' is permitted only after
     * machine initialization has completed}.
     */
    public Builder preconfig(boolean preconfig) {
      this.preconfig = preconfig;
      return this;
    }

    /**
     * Accepts the out-of-band form of the 2017 design, {@code {"execute": NAME, "control":
     * {"run-oob": true}}}, as {@code exec-oob} (QEMU 2.12 spoke it). Off by default: QEMU 7.2
     * answers {@code QMP input member 'control' is unexpected}, and so does the server. On, a
     * session that enabled {@code oob} may send {@code control}, which must be an object; the
     * request runs out-of-band when it holds {@code "run-oob": true}, in band otherwise.
     */
    public Builder legacyRunOob(boolean accept) {
      this.legacyRunOob = accept;
      return this;
    }

    /** The version the greeting and {@code query-version} report (QEMU's {@code VersionInfo}). */
    public Builder version(int major, int minor, int micro, String pkg) {
      this.major = major;
      this.minor = minor;
      this.micro = micro;
      this.pkg = Objects.requireNonNull(pkg, "pkg");
      return this;
    }

    /**
     * Adds the commands of a generated dispatch table. The first table with introspection data
     * answers {@code query-qmp-schema}.
     */
    public Builder commands(DispatchTable table) {
      commands.addAll(table.commands());
      if (introspection == null) {
        introspection = table.introspection();
      }
      return this;
    }

    /** Adds one command registered by hand (a {@code gen = false} command, say). */
    public Builder command(QmpCommand command) {
      commands.add(Objects.requireNonNull(command, "command"));
      return this;
    }

    public Builder endpoint(QmpEndpoint endpoint) {
      endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
      return this;
    }

    public QmpServer build() {
      if (guestAgent && (preconfig || legacyRunOob)) {
        throw new IllegalStateException("a guest agent has no preconfig phase and no out-of-band execution");
      }
      return new QmpServer(this);
    }
  }
}
