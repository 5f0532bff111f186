package org.qapi4j.runtime.client;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.qapi4j.runtime.internal.LazyLogger;
import org.qapi4j.runtime.json.JsonValue;
import org.qapi4j.runtime.json.QmpJson;
import org.qapi4j.runtime.marshal.Input;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * A QMP client: one connection to a QEMU monitor (or any QMP server), negotiated, safe for any
 * number of threads.
 *
 * <pre>{@code
 * try (QmpClient qmp = QmpClient.connect(UnixDomainSocketAddress.of("/run/vm.qmp"), Duration.ofSeconds(5))) {
 *   JsonValue version = qmp.execute("query-version");
 *   qmp.execute("stop");
 *   try {
 *     qmp.execute("device_del", Map.of("id", "nic0"));
 *   } catch (QmpException e) {
 *     System.out.println(e.errorClass() + ": " + e.getMessage()); // DeviceNotFound: Device 'nic0' not found
 *   }
 * }
 * }</pre>
 *
 * <p><b>Calls.</b> Every request carries an id the client chooses; replies are matched by id, so
 * any number of calls may be in flight from any number of threads (pipelining). Each call has a
 * deadline (the connect timeout unless {@link CallOptions} say otherwise); past it the call fails
 * with {@link QmpTimeoutException} and its reply, should it come, is dropped. A reply that matches
 * no call is logged and dropped. Blocking calls throw the client's exceptions directly; asynchronous
 * calls complete their future exceptionally with them, on the client's executor.
 *
 * <p><b>Events</b> go to each listener through its own bounded queue on an executor
 * ({@link #subscribe}); {@link #expectEvent} and {@link #executeAndAwaitEvent} wait for one.
 *
 * <p><b>Threads.</b> Every client of the JVM shares one I/O thread (a NIO selector), one timer
 * thread and a pool for callbacks; a connection costs no thread of its own.
 *
 * <p><b>Closing.</b> When the connection ends (closed by {@link #close()}, by the server, reset),
 * every pending call fails with {@link QmpConnectionException}, every event listener gets
 * {@link EventListener#end}, every {@link #onClose} listener is told, and any later call fails at
 * once.
 */
public final class QmpClient implements AutoCloseable {
  private static final System.Logger LOG = LazyLogger.of(QmpClient.class);

  /** The timeout when none is given: for connecting, and for each call. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** How a client connects and behaves; immutable, made with {@link #builder()}. */
  public static final class Options {
    /** The defaults: a timeout of {@link #DEFAULT_TIMEOUT}, OOB when offered, no log. */
    public static final Options DEFAULT = builder().build();

    private final Duration timeout;
    private final boolean oob;
    private final TrafficLog trafficLog;
    private final Executor executor;
    private final int eventQueueCapacity;
    private final boolean guestAgent;

    private Options(Builder b) {
      this.timeout = b.timeout;
      this.oob = b.oob;
      this.trafficLog = b.trafficLog;
      this.executor = b.executor;
      this.eventQueueCapacity = b.eventQueueCapacity;
      this.guestAgent = b.guestAgent;
    }

    public static Builder builder() {
      return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
      Builder b = new Builder();
      b.timeout = timeout;
      b.oob = oob;
      b.trafficLog = trafficLog;
      b.executor = executor;
      b.eventQueueCapacity = eventQueueCapacity;
      b.guestAgent = guestAgent;
      return b;
    }

    public Duration timeout() {
      return timeout;
    }

    public boolean oob() {
      return oob;
    }

    public TrafficLog trafficLog() {
      return trafficLog;
    }

    /** The executor of listeners and asynchronous completions; null for the shared pool. */
    public Executor executor() {
      return executor;
    }

    public int eventQueueCapacity() {
      return eventQueueCapacity;
    }

    /** Whether the server is a guest agent ({@code qemu-ga}) rather than a QMP monitor. */
    public boolean guestAgent() {
      return guestAgent;
    }

    /** Builds {@link Options}. */
    public static final class Builder {
      private Duration timeout = DEFAULT_TIMEOUT;
      private boolean oob = true;
      private TrafficLog trafficLog;
      private Executor executor;
      private int eventQueueCapacity = 1024;
      private boolean guestAgent;

      private Builder() {}

      /**
       * How long connecting (greeting and negotiation) may take, and the default deadline of every
       * call.
       */
      public Builder timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
          throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        return this;
      }

      /**
       * Whether to enable out-of-band execution when the server offers it (the default); with
       * {@code false} the client negotiates without it.
       */
      public Builder oob(boolean oob) {
        this.oob = oob;
        return this;
      }

      /** Sees every message sent and received; null for none. */
      public Builder trafficLog(TrafficLog log) {
        this.trafficLog = log;
        return this;
      }

      /**
       * Where event listeners, close listeners and the completions of asynchronous calls run;
       * null (the default) for the clients' shared pool.
       */
      public Builder executor(Executor executor) {
        this.executor = executor;
        return this;
      }

      /**
       * How many events wait for a listener before the oldest is dropped (default 1024); the
       * default for {@link QmpClient#subscribe}.
       */
      public Builder eventQueueCapacity(int capacity) {
        if (capacity < 1) {
          throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.eventQueueCapacity = capacity;
        return this;
      }

      /**
       * Talks to a guest agent ({@code qemu-ga}) instead of a QMP monitor: no greeting and no
       * negotiation, but {@code guest-sync-delimited} on connect and after any call past its
       * deadline ({@link QmpClient#resync()}); no out-of-band execution, no events.
       */
      public Builder guestAgent(boolean guestAgent) {
        this.guestAgent = guestAgent;
        return this;
      }

      public Options build() {
        return new Options(this);
      }

      /** Connects with these options ({@link QmpClient#connect(SocketAddress, Options)}). */
      public QmpClient connect(SocketAddress address) {
        return QmpClient.connect(address, build());
      }
    }
  }

  private enum State {
    CONNECTING,
    GREETING,
    NEGOTIATING,
    /** A guest agent's first {@code guest-sync-delimited}. */
    SYNCING,
    READY,
    CLOSED
  }

  /** A request awaiting its reply (or, without success response, its writing). */
  private static final class Call {
    final long id;
    final String command;
    final boolean successResponse;
    /** Completed on the I/O thread: with the reply, null when written without success response. */
    final CompletableFuture<byte[]> reply = new CompletableFuture<>();
    Envelope envelope;

    Call(long id, String command, boolean successResponse) {
      this.id = id;
      this.command = command;
      this.successResponse = successResponse;
    }
  }

  /**
   * How the protocol opens. QMP: wait for the greeting, send {@code qmp_capabilities}. The guest
   * agent ({@link GuestAgentSync}): {@code guest-sync-delimited}, again after a timeout, and no
   * greeting. Everything after the opening is shared.
   */
  interface Handshake {
    void connected();

    /** Any message before it is routed; true if the handshake took it. */
    boolean message(byte[] message, Envelope envelope);

    /** Byte 0xFF was received. */
    void marker();
  }

  private final Options options;
  private final Executor executor;
  private final ClientIo io;
  private final Transport transport;
  private final Handshake handshake;
  /** The guest agent's opening and resync; null for QMP. */
  private final GuestAgentSync agent;
  private final CompletableFuture<QmpClient> ready = new CompletableFuture<>();
  private final ConcurrentHashMap<Long, Call> pending = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final AtomicLong unmatched = new AtomicLong();
  private final CopyOnWriteArrayList<Listener> listeners = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<EventWaiter> waiters = new CopyOnWriteArrayList<>();
  private final List<Consumer<? super QmpConnectionException>> closeListeners = new ArrayList<>();
  private volatile State state = State.CONNECTING;
  private volatile Greeting greeting;
  private volatile boolean oob;
  private volatile QmpConnectionException closedBy;

  private QmpClient(SocketAddress address, Options options) {
    this.options = options;
    this.io = ClientIo.shared();
    this.executor = options.executor != null ? options.executor : io.callbacks;
    try {
      this.transport = new Transport(io, address, new Transport.Receiver() {
        @Override
        public void connected() {
          handshake.connected();
        }

        @Override
        public void received(byte[] message) {
          QmpClient.this.received(message);
        }

        @Override
        public void marker() {
          handshake.marker();
        }

        @Override
        public void lost(QmpConnectionException cause) {
          String quiet = agent == null ? null : agent.quietEnd();
          shutdown(quiet == null ? cause : new QmpConnectionException("the guest agent at " + address
              + " closed the connection after " + quiet + ", as it does", cause));
        }
      }, options.trafficLog);
    } catch (IOException e) {
      throw new QmpConnectionException("cannot connect to " + address + ": " + e.getMessage(), e);
    }
    if (options.guestAgent) {
      this.agent = new GuestAgentSync(transport, io, options.timeout, () -> state = State.SYNCING, () -> {
        state = State.READY;
        ready.complete(this);
      });
      this.handshake = agent;
    } else {
      this.agent = null;
      this.handshake = new QmpHandshake();
    }
  }

  // ---------------------------------------------------------------- connecting

  /** Connects with the {@linkplain Options#DEFAULT default options}. */
  public static QmpClient connect(SocketAddress address) {
    return connect(address, Options.DEFAULT);
  }

  /**
   * Connects, reads the greeting and negotiates (enabling {@code oob} if offered), all within
   * {@code timeout}, which is also the default deadline of every call.
   */
  public static QmpClient connect(SocketAddress address, Duration timeout) {
    return connect(address, Options.builder().timeout(timeout).build());
  }

  /**
   * Connects with these options. Throws {@link QmpTimeoutException} if the greeting and negotiation
   * did not complete within the timeout (a stopped QEMU accepts but never greets), and
   * {@link QmpConnectionException} if the connection failed or the server refused negotiation.
   */
  public static QmpClient connect(SocketAddress address, Options options) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(options, "options");
    QmpClient client = new QmpClient(address, options);
    client.transport.open();
    try {
      return client.ready.get(options.timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      QmpTimeoutException t = client.connectTimeout();
      client.shutdown(new QmpConnectionException(t.getMessage(), t));
      throw t;
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } catch (InterruptedException e) {
      client.close();
      Thread.currentThread().interrupt();
      throw new QmpConnectionException("interrupted while connecting to " + address, e);
    }
  }

  /**
   * Connects to a guest agent ({@code qemu-ga}, e.g. the host side of its virtio-serial channel):
   * no greeting, no negotiation, a {@code guest-sync-delimited} within {@code timeout}, which is
   * also the default deadline of every call ({@link Options.Builder#guestAgent}).
   */
  public static QmpClient connectGuestAgent(SocketAddress address, Duration timeout) {
    return connect(address, Options.builder().timeout(timeout).guestAgent(true).build());
  }

  /**
   * Connects without blocking: the future completes with the negotiated client, or exceptionally
   * as {@link #connect(SocketAddress, Options)} would throw.
   */
  public static CompletableFuture<QmpClient> connectAsync(SocketAddress address, Options options) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(options, "options");
    QmpClient client;
    try {
      client = new QmpClient(address, options);
    } catch (QmpConnectionException e) {
      return CompletableFuture.failedFuture(e);
    }
    ScheduledFuture<?> timer = client.io.timer.schedule(() -> {
      if (!client.ready.isDone()) {
        QmpTimeoutException t = client.connectTimeout();
        client.ready.completeExceptionally(t);
        client.shutdown(new QmpConnectionException(t.getMessage(), t));
      }
    }, options.timeout.toNanos(), TimeUnit.NANOSECONDS);
    client.transport.open();
    CompletableFuture<QmpClient> result = new CompletableFuture<>();
    client.ready.whenComplete((c, ex) -> {
      timer.cancel(false);
      client.run(() -> {
        if (ex != null) {
          result.completeExceptionally(unwrap(ex));
        } else {
          result.complete(c);
        }
      });
    });
    return result;
  }

  private QmpTimeoutException connectTimeout() {
    String stage = switch (state) {
      case CONNECTING -> "no connection";
      case GREETING -> "no greeting";
      case NEGOTIATING -> "no reply to qmp_capabilities";
      case SYNCING -> "no reply to guest-sync-delimited";
      default -> "no handshake";
    };
    return new QmpTimeoutException(
        stage + " from " + transport.address() + " within " + options.timeout, options.timeout);
  }

  private final class QmpHandshake implements Handshake {
    @Override
    public void connected() {
      state = State.GREETING;
    }

    @Override
    public void marker() {
      LOG.log(System.Logger.Level.WARNING, "byte 0xFF from " + transport.address() + " (not QMP)");
    }

    @Override
    public boolean message(byte[] message, Envelope e) {
      if (state != State.GREETING) {
        return false;
      }
      if (e.greetingStart < 0 && e.event != null) {
        // QEMU 7.2 emits RESUME as it starts, and a client that connects at that moment can be sent
        // it before the greeting: an event like any other, delivered to listeners.
        return false;
      }
      if (e.greetingStart < 0) {
        shutdown(new QmpConnectionException(
            "expected the QMP greeting from " + transport.address() + ", got: " + excerpt(message)));
        return true;
      }
      Greeting g;
      try {
        g = greeting(message, e);
      } catch (RuntimeException ex) {
        shutdown(new QmpConnectionException("a malformed QMP greeting from " + transport.address()
            + " (" + ex.getMessage() + "): " + excerpt(message), ex));
        return true;
      }
      greeting = g;
      boolean enableOob = options.oob && g.offersOob();
      state = State.NEGOTIATING;
      Call call = start("qmp_capabilities", enableOob ? out -> {
        out.writeStartObject();
        out.writeName("enable");
        out.writeStartArray();
        out.writeString("oob");
        out.writeEndArray();
        out.writeEndObject();
      } : null, CallOptions.DEFAULT, true);
      call.reply.whenComplete((reply, ex) -> {
        if (ex != null) {
          ready.completeExceptionally(unwrap(ex));
          return;
        }
        if (call.envelope.errorStart >= 0) {
          QmpException error = error(call, reply);
          shutdown(new QmpConnectionException("capabilities negotiation with " + transport.address()
              + " failed: " + error.errorClass() + ": " + error.getMessage(), error));
          return;
        }
        oob = enableOob;
        state = State.READY;
        ready.complete(QmpClient.this);
      });
      return true;
    }
  }

  private static Greeting greeting(byte[] message, Envelope e) {
    JsonValue qmp = Json.parse(message, e.greetingStart, e.greetingEnd);
    JsonValue qemu = Json.member(qmp, "version", "qemu");
    List<String> capabilities = new ArrayList<>();
    JsonValue caps = Json.member(qmp, "capabilities");
    if (caps != null) {
      for (JsonValue c : Json.elements(caps)) {
        capabilities.add(Json.string(c));
      }
    }
    JsonValue pkg = Json.member(qmp, "version", "package");
    return new Greeting(
        (int) Json.int64(Json.member(qemu, "major")),
        (int) Json.int64(Json.member(qemu, "minor")),
        (int) Json.int64(Json.member(qemu, "micro")),
        pkg == null ? "" : Json.string(pkg),
        capabilities,
        new String(message, StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- state

  /** The server's greeting; null for a guest agent, which sends none. */
  public Greeting greeting() {
    return greeting;
  }

  /** Whether out-of-band execution was negotiated. */
  public boolean oobEnabled() {
    return oob;
  }

  /** The options the client was made with. */
  public Options options() {
    return options;
  }

  public SocketAddress address() {
    return transport.address();
  }

  /** True until the connection ends. */
  public boolean isOpen() {
    return closedBy == null;
  }

  /** Why the connection ended, or null while it is open. */
  public QmpConnectionException closedBy() {
    return closedBy;
  }

  /** The number of calls awaiting a reply. */
  public int pendingCalls() {
    return pending.size();
  }

  /**
   * The number of replies that matched no pending call (late replies to calls that timed out,
   * replies without id or with an id the client never sent), each logged and dropped.
   */
  public long unmatchedReplies() {
    return unmatched.get();
  }

  /**
   * Tells {@code listener} once, on the client's executor, when the connection ends, with the
   * reason; at once if it already has.
   */
  public void onClose(Consumer<? super QmpConnectionException> listener) {
    Objects.requireNonNull(listener, "listener");
    QmpConnectionException cause;
    synchronized (closeListeners) {
      cause = closedBy;
      if (cause == null) {
        closeListeners.add(listener);
        return;
      }
    }
    run(() -> listener.accept(cause));
  }

  /**
   * Guest agent only: resynchronises with {@code guest-sync-delimited} as soon as no call is in
   * flight (as after a timeout); calls made meanwhile wait for it, within their deadlines. For a
   * channel that may hold stale bytes, e.g. after the guest rebooted.
   *
   * @throws IllegalStateException on a QMP connection
   */
  public void resync() {
    if (agent == null) {
      throw new IllegalStateException("resync() is for guest agent connections");
    }
    agent.resync();
  }

  /** Writes bytes as they are, for tests that put garbage in the channel. */
  boolean sendRaw(byte[] bytes) {
    return transport.send(bytes, null);
  }

  /** The number of {@code guest-sync-delimited} requests sent (0 for QMP). */
  long syncs() {
    return agent == null ? 0 : agent.syncs();
  }

  // ---------------------------------------------------------------- untyped calls

  /** Runs a command without arguments; its {@code return}. */
  public JsonValue execute(String command) {
    return execute(command, null, CallOptions.DEFAULT);
  }

  /**
   * Runs a command; its {@code return} as JSON. {@code arguments} may hold any value
   * {@link Json#write} takes (strings, numbers, booleans, maps, lists, {@link JsonValue}s); null
   * for none. Throws {@link QmpException} for an error reply.
   */
  public JsonValue execute(String command, Map<String, ?> arguments) {
    return execute(command, arguments, CallOptions.DEFAULT);
  }

  public JsonValue execute(String command, Map<String, ?> arguments, CallOptions options) {
    return call(command, writer(arguments), null, options, true);
  }

  public CompletableFuture<JsonValue> executeAsync(String command, Map<String, ?> arguments) {
    return executeAsync(command, arguments, CallOptions.DEFAULT);
  }

  /** {@link #execute(String, Map, CallOptions)} without blocking. */
  public CompletableFuture<JsonValue> executeAsync(String command, Map<String, ?> arguments, CallOptions options) {
    return callAsync(command, writer(arguments), null, options, true);
  }

  private static Consumer<JsonGenerator> writer(Map<String, ?> arguments) {
    return arguments == null ? null : g -> Json.write(g, arguments);
  }

  // ---------------------------------------------------------------- calls for generated code

  /**
   * The call generated clients make. {@code arguments} writes the arguments object (null for none);
   * {@code result} reads the {@code return} value from a parser on its first token (null to ignore
   * it and return null). What {@code result} throws is wrapped in a {@link QmpDecodeException}
   * (with the JSON path and the raw reply) unless it is a {@link QmpClientException}.
   */
  public <T> T call(String command, Consumer<JsonGenerator> arguments, Function<JsonParser, T> result,
      CallOptions options) {
    return call(command, arguments, result, options, false);
  }

  /** {@link #call} without blocking. */
  public <T> CompletableFuture<T> callAsync(String command, Consumer<JsonGenerator> arguments,
      Function<JsonParser, T> result, CallOptions options) {
    return callAsync(command, arguments, result, options, false);
  }

  private <T> T call(String command, Consumer<JsonGenerator> arguments, Function<JsonParser, T> result,
      CallOptions options, boolean untyped) {
    Duration timeout = timeout(options);
    Call call = start(command, arguments, options, false);
    byte[] reply;
    try {
      if (!timeout.isNegative() && !timeout.isZero()) {
        reply = call.reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } else if (call.successResponse) {
        // A deadline of zero has passed before any reply can come, however fast the server.
        throw new TimeoutException();
      } else {
        reply = call.reply.get();
      }
    } catch (TimeoutException e) {
      QmpTimeoutException t = timedOut(call, timeout);
      if (expire(call, t)) {
        throw t;
      }
      try {
        reply = call.reply.join(); // completed just now, by the reply or the end of the connection
      } catch (CompletionException | CancellationException ex) {
        throw rethrow(ex);
      }
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } catch (InterruptedException e) {
      pending.remove(call.id, call);
      agentFinished(call, false);
      Thread.currentThread().interrupt();
      throw new QmpClientException("interrupted while waiting for the reply to " + command, e);
    }
    return decode(call, reply, result, untyped);
  }

  private <T> CompletableFuture<T> callAsync(String command, Consumer<JsonGenerator> arguments,
      Function<JsonParser, T> result, CallOptions options, boolean untyped) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Call call;
    Duration timeout;
    try {
      timeout = timeout(options);
      call = start(command, arguments, options, false);
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return future;
    }
    if (call.successResponse && (timeout.isZero() || timeout.isNegative())) {
      // A deadline of zero has passed before any reply can come, however fast the server.
      expire(call, timedOut(call, timeout));
    }
    if (call.reply.isDone()) {
      complete(future, call, result, untyped);
      return future;
    }
    ScheduledFuture<?> timer =
        io.timer.schedule(() -> expire(call, timedOut(call, timeout)), timeout.toNanos(), TimeUnit.NANOSECONDS);
    call.reply.whenComplete((r, ex) -> {
      timer.cancel(false);
      run(() -> complete(future, call, result, untyped));
    });
    future.whenComplete((r, ex) -> {
      if (ex instanceof CancellationException) { // the caller gave up: forget the call
        pending.remove(call.id, call);
        call.reply.cancel(false);
        agentFinished(call, false);
      }
    });
    return future;
  }

  private <T> void complete(CompletableFuture<T> future, Call call, Function<JsonParser, T> result, boolean untyped) {
    try {
      future.complete(decode(call, call.reply.join(), result, untyped));
    } catch (CompletionException | CancellationException e) {
      future.completeExceptionally(unwrap(e));
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
    }
  }

  private Duration timeout(CallOptions options) {
    Objects.requireNonNull(options, "options");
    return options.timeout() != null ? options.timeout() : this.options.timeout;
  }

  /**
   * Fails {@code call} with {@code timeout} unless its reply, its writing or the end of the
   * connection ended it first (whichever takes it out of {@code pending} owns it); true if it did.
   * The guest agent's sync learns of the timeout before the caller does, so that a call the caller
   * makes on seeing it waits for the resync instead of overtaking it.
   */
  private boolean expire(Call call, QmpTimeoutException timeout) {
    if (!pending.remove(call.id, call)) {
      return false;
    }
    agentFinished(call, true);
    return call.reply.completeExceptionally(timeout);
  }

  /** Tells the guest agent's sync that a call is over ({@code pastDeadline}: it timed out). */
  private void agentFinished(Call call, boolean pastDeadline) {
    if (agent != null) {
      agent.finished(call.id, pastDeadline);
    }
  }

  private static QmpTimeoutException timedOut(Call call, Duration timeout) {
    return new QmpTimeoutException(
        (call.successResponse ? "no reply to " : "could not send ") + call.command + " within " + timeout, timeout);
  }

  /** Sends a request; the call completes on the I/O thread. */
  private Call start(String command, Consumer<JsonGenerator> arguments, CallOptions options, boolean handshaking) {
    Objects.requireNonNull(command, "command");
    boolean execOob = options.oob() && oob;
    long id = nextId.getAndIncrement();
    byte[] request = QmpJson.message(g -> {
      g.writeStartObject();
      g.writeName(execOob ? "exec-oob" : "execute");
      g.writeString(command);
      if (arguments != null) {
        g.writeName("arguments");
        arguments.accept(g);
      }
      g.writeName("id");
      g.writeNumber(id);
      g.writeEndObject();
    });
    Call call = new Call(id, command, options.successResponse());
    QmpConnectionException closed = closedBy;
    if (closed == null && !handshaking && state != State.READY) {
      closed = new QmpConnectionException("not connected");
    }
    if (closed != null) {
      call.reply.completeExceptionally(closed.copy());
      return call;
    }
    // A call without success response is pending until written, so that the end of the
    // connection fails it too.
    pending.put(id, call);
    closed = closedBy;
    if (closed != null) { // closed meanwhile: shutdown() may not have seen the call
      pending.remove(id, call);
      call.reply.completeExceptionally(closed.copy());
      return call;
    }
    // The only call in flight (a caller making one call at a time) is written by the caller itself;
    // with others in flight, the I/O thread writes them all, several a system call.
    Runnable written = call.successResponse ? null : () -> {
      pending.remove(id, call);
      if (agent != null) {
        agent.wroteWithoutResponse(command);
        agent.finished(id, false);
      }
      call.reply.complete(null);
    };
    if (!(agent != null ? agent.send(id, request, written)
        : transport.send(request, written, pending.size() == 1))) {
      pending.remove(id, call);
      QmpConnectionException c = closedBy;
      call.reply.completeExceptionally(c != null ? c.copy() : new QmpConnectionException("the connection is closed"));
    }
    return call;
  }

  private <T> T decode(Call call, byte[] reply, Function<JsonParser, T> result, boolean untyped) {
    if (reply == null) {
      return null; // written, no reply awaited
    }
    Envelope e = call.envelope;
    if (e.errorStart >= 0) {
      throw error(call, reply);
    }
    if (untyped) {
      @SuppressWarnings("unchecked")
      T value = (T) Json.parse(reply, e.returnStart, e.returnEnd);
      return value;
    }
    if (result == null) {
      return null;
    }
    JsonParser p = Json.parser(reply, e.returnStart, e.returnEnd);
    try (p) {
      p.nextToken();
      return Input.tolerantly(() -> result.apply(p));
    } catch (QmpClientException ex) {
      throw ex;
    } catch (RuntimeException ex) {
      // Where the parser stopped, or, for the errors the readers gather until an object's end,
      // where the error says (QEMU's 'return.a[0].b').
      String path = ex instanceof org.qapi4j.runtime.QmpError q ? pointer(q.desc()) : null;
      if (path == null) {
        path = "/return";
        try {
          path += p.streamReadContext().pathAsPointer().toString();
        } catch (RuntimeException ignored) {
          // the path stays /return
        }
      }
      throw new QmpDecodeException("cannot read the reply to " + call.command + ": " + ex.getMessage(), path,
          reply, ex);
    }
  }

  /**
   * The JSON pointer of the value an input error names ({@code Parameter 'return.a[0].b' is
   * missing} is {@code /return/a/0/b}), or null if it names none under {@code return}.
   */
  static String pointer(String desc) {
    int open = desc.indexOf('\'');
    int close = open < 0 ? -1 : desc.indexOf('\'', open + 1);
    if (close < 0 || !desc.startsWith("return", open + 1)) {
      return null;
    }
    String qemu = desc.substring(open + 1, close);
    if (qemu.length() > 6 && qemu.charAt(6) != '.' && qemu.charAt(6) != '[') {
      return null;
    }
    return "/" + qemu.replace("[", ".").replace("]", "").replace('.', '/');
  }

  private static QmpException error(Call call, byte[] reply) {
    Envelope e = call.envelope;
    JsonValue error = Json.parse(reply, e.errorStart, e.errorEnd);
    JsonValue cls = Json.member(error, "class");
    JsonValue desc = Json.member(error, "desc");
    return new QmpException(call.command,
        cls instanceof JsonValue.JsonString s ? s.value() : "GenericError",
        desc instanceof JsonValue.JsonString s ? s.value() : Json.toText(error), reply);
  }

  // ---------------------------------------------------------------- receiving

  /** A message from the server; on the I/O thread. */
  private void received(byte[] message) {
    Envelope e;
    try {
      e = Envelope.scan(message);
    } catch (IllegalArgumentException ex) {
      LOG.log(System.Logger.Level.WARNING, "dropped a malformed message from " + transport.address() + " ("
          + ex.getMessage() + "): " + excerpt(message));
      return;
    }
    if ((state != State.READY || agent != null) && handshake.message(message, e)) {
      return;
    }
    if (e.reply()) {
      Call call = e.id == null ? null : pending.get(e.id);
      if (call == null || !call.successResponse || !pending.remove(e.id, call)) {
        unmatched(message, e);
        return;
      }
      agentFinished(call, false);
      call.envelope = e;
      call.reply.complete(message);
    } else if (e.event != null) {
      event(new ReceivedEvent(e.event, e.timestamp, message, e.dataStart, e.dataEnd));
    } else {
      LOG.log(System.Logger.Level.WARNING, "dropped a message that is neither reply nor event from "
          + transport.address() + ": " + excerpt(message));
    }
  }

  private void unmatched(byte[] message, Envelope e) {
    unmatched.incrementAndGet();
    boolean late = e.id != null && e.id > 0 && e.id < nextId.get();
    LOG.log(late ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
        (late ? "dropped a late reply (its call timed out or was cancelled) from "
            : "dropped a reply that matches no call from ") + transport.address() + ": " + excerpt(message));
  }

  private static String excerpt(byte[] message) {
    int n = Math.min(message.length, 200);
    return new String(message, 0, n, StandardCharsets.UTF_8) + (n < message.length ? "..." : "");
  }

  // ---------------------------------------------------------------- events

  private void event(ReceivedEvent event) {
    for (EventWaiter w : waiters) {
      if (!w.name.equals(event.name())) {
        continue;
      }
      boolean match;
      try {
        match = w.filter == null || w.filter.test(event);
      } catch (RuntimeException ex) {
        waiters.remove(w);
        w.future.completeExceptionally(ex);
        continue;
      }
      if (match && waiters.remove(w)) {
        w.future.complete(event);
      }
    }
    for (Listener l : listeners) {
      l.offer(event);
    }
  }

  /** Every event, to {@code listener}, on the client's executor, with the client's queue capacity. */
  public Subscription subscribe(EventListener listener) {
    return subscribe(null, listener, executor, options.eventQueueCapacity);
  }

  /** The events of these names (null for all), to {@code listener}. */
  public Subscription subscribe(Set<String> names, EventListener listener) {
    return subscribe(names, listener, executor, options.eventQueueCapacity);
  }

  /**
   * The events of these names (null for all), to {@code listener}, one at a time in arrival order on
   * {@code executor}, through a queue of {@code capacity} events: when a slow listener lets it fill,
   * the oldest queued event is dropped for the newest, and counted ({@link Subscription#dropped()},
   * and a log line at the first drop and every 1000th). A listener that throws is logged and goes
   * on getting events. When the connection ends, the listener gets {@link EventListener#end} after
   * its last event.
   */
  public Subscription subscribe(Set<String> names, EventListener listener, Executor executor, int capacity) {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(executor, "executor");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    Listener l = new Listener(names == null ? null : Set.copyOf(names), listener, executor, capacity);
    listeners.add(l);
    QmpConnectionException cause = closedBy;
    if (cause != null) {
      l.end(cause);
    }
    return l;
  }

  /**
   * Starts waiting for the first event {@code name} that {@code filter} accepts (null: any). Make the
   * waiter before sending what causes the event.
   */
  public EventWaiter expectEvent(String name, Predicate<? super ReceivedEvent> filter) {
    Objects.requireNonNull(name, "name");
    EventWaiter w = new EventWaiter(this, name, filter);
    waiters.add(w);
    QmpConnectionException cause = closedBy;
    if (cause != null) {
      waiters.remove(w);
      w.future.completeExceptionally(cause.copy());
    }
    return w;
  }

  /** Waits for the next event {@code name} that {@code filter} accepts, at most {@code timeout}. */
  public ReceivedEvent awaitEvent(String name, Predicate<? super ReceivedEvent> filter, Duration timeout) {
    return expectEvent(name, filter).await(timeout);
  }

  /**
   * {@link #awaitEvent} without blocking: completes on the client's executor, exceptionally with
   * {@link QmpTimeoutException} after {@code timeout}.
   */
  public CompletableFuture<ReceivedEvent> awaitEventAsync(String name, Predicate<? super ReceivedEvent> filter,
      Duration timeout) {
    EventWaiter w = expectEvent(name, filter);
    ScheduledFuture<?> timer = io.timer.schedule(() -> {
      removeWaiter(w);
      w.future.completeExceptionally(new QmpTimeoutException("no event " + name + " within " + timeout, timeout));
    }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    CompletableFuture<ReceivedEvent> result = new CompletableFuture<>();
    w.future.whenComplete((ev, ex) -> {
      timer.cancel(false);
      run(() -> {
        if (ex != null) {
          result.completeExceptionally(unwrap(ex));
        } else {
          result.complete(ev);
        }
      });
    });
    return result;
  }

  /**
   * Runs a command and waits for the event that completes it, e.g. {@code device_del} and
   * {@code DEVICE_DELETED} with the same {@code device}: the waiter is made before the command is
   * sent, so the event cannot be missed. {@code timeout} bounds the whole (command and event). Throws
   * what the command throws (the waiter is then closed), or {@link QmpTimeoutException} if the
   * event does not come.
   */
  public ReceivedEvent executeAndAwaitEvent(String command, Map<String, ?> arguments, String event,
      Predicate<? super ReceivedEvent> filter, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (EventWaiter w = expectEvent(event, filter)) {
      execute(command, arguments, CallOptions.withTimeout(timeout));
      return w.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
  }

  // ---------------------------------------------------------------- typed, generated code

  /** The generated implementations of commands interfaces, by interface. */
  private final Map<Class<?>, Object> typed = new ConcurrentHashMap<>();

  /**
   * The commands of {@code commands}, a commands interface of a schema the qapi4j processor
   * compiled ({@code X}, blocking) or the interface it generated beside it ({@code X_Async}, every
   * method returning a {@code CompletableFuture}), executed over this connection. The
   * implementation is the generated {@code X_Client} or {@code X_AsyncClient}; one per interface
   * and client, shared by every caller.
   *
   * @throws IllegalArgumentException if {@code commands} is not such an interface
   */
  public <T> T commands(Class<T> commands) {
    Objects.requireNonNull(commands, "commands");
    return commands.cast(typed.computeIfAbsent(commands, c -> {
      String name = generated(c, c.getName().endsWith("_Async") ? "Client" : "_Client");
      try {
        return Class.forName(name, true, c.getClassLoader()).getConstructor(QmpClient.class).newInstance(this);
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new IllegalArgumentException(c.getName() + " is not a commands interface of a schema compiled by"
            + " qapi4j (no " + name + ")", e);
      }
    }));
  }

  /**
   * Delivers the events of {@code events}, an events interface of a schema the qapi4j processor
   * compiled, to {@code listener}: each event to the listener's method for it, its data read into
   * the method's parameters. Extend the generated {@code E_Listener}, whose methods do nothing, to
   * override only the events wanted. Events are delivered as {@link #subscribe} delivers them (a
   * queue of its own, the client's executor); an event whose data does not fit the schema is
   * logged and counted as dropped; an event the schema lacks reaches untyped listeners only.
   *
   * @throws IllegalArgumentException if {@code events} is not such an interface
   */
  public <E> Subscription listen(Class<E> events, E listener) {
    Objects.requireNonNull(listener, "listener");
    TypedEvents<E> typedEvents = typedEvents(events);
    AtomicLong undecodable = new AtomicLong();
    return subscribe(typedEvents.names(), event -> {
      try {
        Input.tolerantly(() -> {
          typedEvents.deliver(event, listener);
          return null;
        });
      } catch (RuntimeException e) {
        long n = undecodable.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "dropped event " + event.name() + " from " + transport.address()
            + " (" + n + " so far): its data does not fit " + events.getName() + ": " + e.getMessage()
            + ": " + excerpt(event.message()));
      }
    });
  }

  /**
   * The name of a class the processor generates beside {@code type}: in its package, named after
   * its simple names joined by {@code _} ({@code Outer_Inner}), then {@code suffix}.
   */
  private static String generated(Class<?> type, String suffix) {
    String pkg = type.getPackageName();
    String binary = type.getName().substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
    return (pkg.isEmpty() ? "" : pkg + ".") + binary.replace('$', '_') + suffix;
  }

  @SuppressWarnings("unchecked")
  private static <E> TypedEvents<E> typedEvents(Class<E> events) {
    String name = generated(events, "_Listener");
    try {
      return (TypedEvents<E>) Class.forName(name, true, events.getClassLoader()).getField("EVENTS").get(null);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      throw new IllegalArgumentException(events.getName() + " is not an events interface of a schema compiled by"
          + " qapi4j (no " + name + ".EVENTS)", e);
    }
  }

  void removeWaiter(EventWaiter w) {
    waiters.remove(w);
  }

  /** A listener's queue and its delivery on its executor. */
  private final class Listener implements Subscription, Runnable {
    private final Set<String> names;
    private final EventListener listener;
    private final Executor executor;
    private final int capacity;
    private final ArrayDeque<ReceivedEvent> queue = new ArrayDeque<>();
    private boolean scheduled;
    private boolean cancelled;
    private QmpConnectionException ended;
    private boolean endDelivered;
    private long dropped;

    Listener(Set<String> names, EventListener listener, Executor executor, int capacity) {
      this.names = names;
      this.listener = listener;
      this.executor = executor;
      this.capacity = capacity;
    }

    void offer(ReceivedEvent event) {
      if (names != null && !names.contains(event.name())) {
        return;
      }
      long drops = -1;
      synchronized (this) {
        if (cancelled || ended != null) {
          return;
        }
        if (queue.size() >= capacity) {
          queue.pollFirst();
          drops = ++dropped;
        }
        queue.addLast(event);
        if (scheduled) {
          event = null;
        } else {
          scheduled = true;
        }
      }
      if (drops == 1 || drops > 0 && drops % 1000 == 0) {
        LOG.log(System.Logger.Level.WARNING, "an event listener of " + transport.address() + " is slow: its queue of "
            + capacity + " is full, " + drops + " events dropped so far (the oldest first)");
      }
      if (event != null) {
        schedule();
      }
    }

    void end(QmpConnectionException cause) {
      synchronized (this) {
        if (ended != null || cancelled) {
          return;
        }
        ended = cause;
        if (scheduled) {
          return;
        }
        scheduled = true;
      }
      schedule();
    }

    private void schedule() {
      try {
        executor.execute(this);
      } catch (RejectedExecutionException e) {
        LOG.log(System.Logger.Level.ERROR, "the executor of an event listener refused it; events stay queued", e);
        synchronized (this) {
          scheduled = false;
        }
      }
    }

    @Override
    public void run() {
      while (true) {
        ReceivedEvent next;
        QmpConnectionException end = null;
        synchronized (this) {
          next = cancelled ? null : queue.pollFirst();
          if (next == null) {
            if (!cancelled && ended != null && !endDelivered) {
              endDelivered = true;
              end = ended;
            } else {
              scheduled = false;
              return;
            }
          }
        }
        try {
          if (next != null) {
            listener.event(next);
          } else {
            listener.end(end.copy());
          }
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "an event listener failed", e);
        }
      }
    }

    @Override
    public synchronized long dropped() {
      return dropped;
    }

    @Override
    public synchronized int queued() {
      return queue.size();
    }

    @Override
    public void close() {
      synchronized (this) {
        cancelled = true;
        queue.clear();
      }
      listeners.remove(this);
    }
  }

  // ---------------------------------------------------------------- closing

  /**
   * Closes the connection: pending calls fail with {@link QmpConnectionException}, listeners are
   * told. Idempotent; any thread.
   */
  @Override
  public void close() {
    shutdown(new QmpConnectionException("the client closed the connection to " + transport.address()));
  }

  private void shutdown(QmpConnectionException cause) {
    List<Consumer<? super QmpConnectionException>> toTell;
    synchronized (closeListeners) {
      if (closedBy != null) {
        return;
      }
      closedBy = cause;
      toTell = List.copyOf(closeListeners);
      closeListeners.clear();
    }
    state = State.CLOSED;
    transport.close();
    ready.completeExceptionally(cause.copy());
    for (Call call : pending.values()) {
      if (pending.remove(call.id, call)) {
        call.reply.completeExceptionally(cause.copy());
      }
    }
    for (EventWaiter w : waiters) {
      waiters.remove(w);
      w.future.completeExceptionally(cause.copy());
    }
    for (Listener l : listeners) {
      l.end(cause);
    }
    for (Consumer<? super QmpConnectionException> l : toTell) {
      run(() -> l.accept(cause.copy()));
    }
  }

  // ---------------------------------------------------------------- helpers

  private void run(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
    }
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** What a blocking wait throws for a failed future: the client's exceptions as they are. */
  static RuntimeException rethrow(Throwable cause) {
    Throwable t = unwrap(cause);
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new QmpClientException(String.valueOf(t.getMessage()), t);
  }

  @Override
  public String toString() {
    return "QmpClient[" + transport.address() + ", " + state + "]";
  }
}
