package org.qapi4j.runtime.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qapi4j.runtime.CommandHandler;
import org.qapi4j.runtime.CompatPolicy;
import org.qapi4j.runtime.DeferredReply;
import org.qapi4j.runtime.ErrorClass;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.ReplyWriter;
import org.qapi4j.runtime.json.IntrospectionFilter;
import org.qapi4j.runtime.json.JsonValue;
import org.qapi4j.runtime.json.MessageParser;
import org.qapi4j.runtime.json.QDictOrder;
import org.qapi4j.runtime.json.QmpJson;
import org.qapi4j.runtime.json.Token;
import org.qapi4j.runtime.marshal.Compat;
import org.qapi4j.runtime.marshal.Input;
import org.qapi4j.runtime.marshal.MemberErrors;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * QEMU's {@code monitor/qmp.c} and {@code qapi/qmp-dispatch.c}: what happens to a message once it
 * is parsed. Out-of-band requests ({@code exec-oob} without {@code execute}) run at once, on the
 * thread that read them; everything else — commands, and errors for messages that are not valid
 * JSON — waits its turn on the main loop, and its reply takes its place in the session's order.
 *
 * <p>On the main loop a plain command runs to its end; a coroutine command may wait
 * ({@link Coroutine#await}) while the loop runs other tasks, but not other
 * requests; an asynchronous command returns a {@link DeferredReply} and the loop goes on at once,
 * its reply being sent when the stage completes.
 */
public final class Dispatcher {
  static final String QMP_CAPABILITIES = "qmp_capabilities";
  static final String QUERY_COMMANDS = "query-commands";
  static final String QUERY_QMP_SCHEMA = "query-qmp-schema";

  /** The command whose successful reply a guest agent precedes with {@link #SENTINEL}. */
  static final String GUEST_SYNC_DELIMITED = "guest-sync-delimited";
  /** qemu-ga's {@code QGA_SENTINEL_BYTE}. */
  static final byte SENTINEL = (byte) 0xFF;

  /** What {@link #dispatch} returns when the reply will come later. */
  private static final byte[] DEFERRED = new byte[0];

  private final MainLoop mainLoop;
  /** Every command by name, in registration order (the control commands first). */
  private final Map<String, QmpCommand> commands = new LinkedHashMap<>();
  /** Whether {@code "control": {"run-oob": true}} (the 2017 design) means {@code exec-oob}. */
  private final boolean legacyRunOob;
  /** QEMU's preconfig phase: only {@code allow-preconfig} commands run. */
  private volatile boolean preconfig;
  /** The guest agent's dialect ({@code qemu-ga}): see {@link #Dispatcher(MainLoop, List, byte[], CompatPolicy, boolean, boolean, boolean)}. */
  private final boolean guestAgent;

  /** The compat policy ({@code -compat}) the commands run under. */
  private final CompatPolicy policy;

  /** A server's dispatcher with QEMU's defaults: no compat policy, no legacy form, no preconfig. */
  public Dispatcher(MainLoop mainLoop, List<QmpCommand> table, byte[] introspection) {
    this(mainLoop, table, introspection, CompatPolicy.DEFAULT, false, false);
  }

  /**
   * @param introspection the {@code query-qmp-schema} reply, or null for a server without one
   * @param policy what to do with deprecated and unstable commands, arguments and results
   * @param legacyRunOob accept {@code "control": {"run-oob": true}} as {@code exec-oob}
   * @param preconfig start in the preconfig phase
   */
  public Dispatcher(MainLoop mainLoop, List<QmpCommand> table, byte[] introspection, CompatPolicy policy,
      boolean legacyRunOob, boolean preconfig) {
    this(mainLoop, table, introspection, policy, legacyRunOob, preconfig, false);
  }

  /**
   * A dispatcher in QMP's dialect, or ({@code guestAgent}) in the one {@code qemu-ga} 7.2 speaks on
   * its channel: no command of the server's own ({@code qmp_capabilities}, {@code query-commands}
   * and {@code query-qmp-schema} are {@code CommandNotFound} unless the table has them, and
   * {@code introspection} is ignored), no negotiation (sessions start as if negotiated, without
   * {@code oob}), replies ending in {@code \n} rather than {@code \r\n}, and byte 0xFF before the
   * successful reply of {@code guest-sync-delimited}.
   */
  public Dispatcher(MainLoop mainLoop, List<QmpCommand> table, byte[] introspection, CompatPolicy policy,
      boolean legacyRunOob, boolean preconfig, boolean guestAgent) {
    this.mainLoop = mainLoop;
    this.policy = policy;
    this.legacyRunOob = legacyRunOob;
    this.preconfig = preconfig;
    this.guestAgent = guestAgent;
    if (!guestAgent) {
      builtIns(introspection);
    }
    for (QmpCommand c : table) {
      if (commands.putIfAbsent(c.name(), underPolicy(c)) != null) {
        throw new IllegalArgumentException("command " + c.name() + " is registered twice");
      }
    }
  }

  /** QMP's own commands: {@code qmp_capabilities}, {@code query-commands}, {@code query-qmp-schema}. */
  private void builtIns(byte[] introspection) {
    commands.put(QMP_CAPABILITIES, new QmpCommand(QMP_CAPABILITIES, Set.of(QmpCommand.Flag.ALLOW_PRECONFIG), a -> null));
    commands.put(QUERY_COMMANDS, new QmpCommand(QUERY_COMMANDS, Set.of(QmpCommand.Flag.ALLOW_PRECONFIG), a -> queryCommands(a)));
    if (introspection != null) {
      // Precomputed at build time: the reply costs a copy of its bytes.
      String reply = new String(introspection, java.nio.charset.StandardCharsets.UTF_8).strip();
      String schema = policy.deprecatedOutput() == CompatPolicy.Output.HIDE
          ? IntrospectionFilter.hideDeprecated(reply) : reply;
      commands.put(QUERY_QMP_SCHEMA, new QmpCommand(QUERY_QMP_SCHEMA, Set.of(QmpCommand.Flag.ALLOW_PRECONFIG), a -> {
        Input.noArguments(a);
        return g -> g.writeRawValue(schema);
      }));
    }
  }

  /** True in the guest agent's dialect. */
  public boolean guestAgent() {
    return guestAgent;
  }

  /**
   * A message as the session's client gets it: in the guest agent's dialect, ended by {@code \n}
   * alone, as {@code qemu-ga} writes (QEMU's monitor writes {@code \r\n}).
   */
  byte[] wire(byte[] message) {
    int n = message.length;
    if (!guestAgent || n < 2 || message[n - 2] != '\r' || message[n - 1] != '\n') {
      return message;
    }
    byte[] lf = java.util.Arrays.copyOf(message, n - 1);
    lf[n - 2] = '\n';
    return lf;
  }

  /**
   * qemu-ga's {@code guest-sync-delimited}: its handler sets the agent's {@code delimit_response},
   * and the next reply written, its own, is preceded by byte 0xFF. The handler runs only once its
   * arguments were read, so an error reply (a missing {@code id}, say) has no 0xFF.
   */
  private byte[] delimited(String name, byte[] successReply) {
    if (!guestAgent || successReply == null || !name.equals(GUEST_SYNC_DELIMITED)) {
      return successReply;
    }
    byte[] out = new byte[successReply.length + 1];
    out[0] = SENTINEL;
    System.arraycopy(successReply, 0, out, 1, successReply.length);
    return out;
  }

  /**
   * The command with its handler and its result's writer running under the compat policy, which
   * generated readers and writers consult ({@link Compat}).
   */
  private QmpCommand underPolicy(QmpCommand c) {
    if (policy.isDefault()) {
      return c;
    }
    CommandHandler handler = c.handler();
    return new QmpCommand(c.name(), c.flags(), arguments -> {
      ReplyWriter result = Compat.with(policy, () -> handler.invoke(arguments));
      if (result instanceof DeferredReply deferred) {
        return deferred.map(w -> w == null ? null : g -> Compat.run(policy, () -> w.write(g)));
      }
      return result == null ? null : g -> Compat.run(policy, () -> result.write(g));
    });
  }

  /** The registered command names, in registration order. */
  public List<String> commandNames() {
    return List.copyOf(commands.keySet());
  }

  /** True in the preconfig phase. */
  public boolean preconfig() {
    return preconfig;
  }

  /** Ends the preconfig phase: every command may run from now on. */
  public void exitPreconfig() {
    preconfig = false;
  }

  /** A complete message from a session (on its input thread); false to stop reading it. */
  boolean received(Session session, byte[] bytes, List<Token> tokens) {
    JsonValue request;
    try {
      request = MessageParser.parse(bytes, tokens);
    } catch (MessageParser.ParseError e) {
      return receivedError(session, e.getMessage());
    }
    if (outOfBand(session, request)) {
      byte[] reply = dispatch(session, request, bytes, true, null); // now, on this thread
      if (reply != null && !session.closed()) {
        session.send(wire(reply));
      }
      return true;
    }
    return session.enqueue(mainLoop, slot -> {
      byte[] reply = dispatch(session, request, bytes, false, slot);
      if (reply != DEFERRED) {
        session.complete(slot, reply);
      }
    });
  }

  /**
   * QEMU's {@code qmp_is_oob()}: {@code exec-oob} without {@code execute}; with the legacy option,
   * also {@code execute} with {@code "control": {"run-oob": true}} from a session that enabled
   * {@code oob} (QEMU 2.12's form).
   */
  private boolean outOfBand(Session session, JsonValue request) {
    if (!(request instanceof JsonValue.JsonObject o)) {
      return false;
    }
    Map<String, JsonValue> members = o.members();
    if (members.containsKey("exec-oob")) {
      return !members.containsKey("execute");
    }
    return legacyRunOob
        && session.oob()
        && members.containsKey("execute")
        && members.get("control") instanceof JsonValue.JsonObject control
        && control.members().get("run-oob") instanceof JsonValue.JsonBoolean run
        && run.value();
  }

  /** Input that is not JSON: its error is replied in band, in order. */
  boolean receivedError(Session session, String text) {
    return session.enqueue(mainLoop, slot -> session.complete(slot, error(null, ErrorClass.GenericError, text)));
  }

  /**
   * QEMU's {@code qmp_dispatch()}: the reply to one request, null when there is none, or
   * {@link #DEFERRED} when an asynchronous command will complete {@code slot} later.
   */
  private byte[] dispatch(Session session, JsonValue request, byte[] bytes, boolean oob, Session.Slot slot) {
    if (!(request instanceof JsonValue.JsonObject object)) {
      return error(null, ErrorClass.GenericError, "QMP input must be a JSON object");
    }
    Map<String, JsonValue> members = object.members();
    JsonValue id = members.get("id");
    String name = null;
    try {
      String problem = checkMembers(members, session.oob(), legacyRunOob);
      if (problem != null) {
        return error(id, ErrorClass.GenericError, problem);
      }
      name = ((JsonValue.JsonString) members.get(members.containsKey("execute") ? "execute" : "exec-oob")).value();
      QmpCommand command = commands.get(name);
      if (!guestAgent && !session.negotiated() && !name.equals(QMP_CAPABILITIES)) {
        return error(id, ErrorClass.CommandNotFound, "Expecting capabilities negotiation with 'qmp_capabilities'");
      }
      if (command == null) {
        return error(id, ErrorClass.CommandNotFound, "The command " + name + " has not been found");
      }
      QmpError refused = Compat.refused(policy, command.specialFeatures(), ErrorClass.CommandNotFound, "command", name);
      if (refused != null) {
        return error(id, refused.errorClass(), refused.desc());
      }
      if (oob && !command.allowOob()) {
        return error(id, ErrorClass.GenericError, "The command " + name + " does not support OOB");
      }
      if (preconfig && !command.allowPreconfig()) {
        return error(id, ErrorClass.GenericError,
            "The command '" + name + "' is permitted only after machine initialization has completed");
      }
      JsonValue arguments = members.get("arguments");
      JsonParser parser =
          arguments == null ? null : QmpJson.parser(bytes, arguments.start(), arguments.end() - arguments.start());
      ReplyWriter result;
      if (!guestAgent && name.equals(QMP_CAPABILITIES)) {
        result = qmpCapabilities(session, parser);
      } else {
        CommandContext.Kind kind =
            oob ? CommandContext.Kind.OUT_OF_BAND
                : command.coroutine() ? CommandContext.Kind.COROUTINE : CommandContext.Kind.PLAIN;
        result = CommandContext.run(name, kind, mainLoop, () -> command.handler().invoke(parser));
      }
      if (result instanceof DeferredReply deferred) {
        if (slot == null) {
          deferred.cancel();
          throw new IllegalStateException("command " + name + " returned a deferred reply out-of-band");
        }
        if (session.defer(slot, deferred)) {
          deferred.whenComplete(new Completion(this, slot, id, name, command.successResponse()));
        }
        return DEFERRED;
      }
      if (!command.successResponse()) {
        return null;
      }
      return delimited(name, success(id, result));
    } catch (QmpError e) {
      return error(id, e.errorClass(), e.desc());
    } catch (Throwable e) {
      return failure(id, name, e);
    }
  }

  private static byte[] success(JsonValue id, ReplyWriter result) {
    ReplyWriter body = result == null ? ReplyWriter.EMPTY_OBJECT : result;
    return QmpJson.message(
        g -> {
          g.writeStartObject();
          g.writeName("return");
          body.write(g);
          writeId(g, id);
          g.writeEndObject();
        });
  }

  /**
   * A handler's exception that is not a {@link QmpError} (or a reply that could not be written):
   * logged with its trace, and answered as a GenericError naming the command only. Nothing of the
   * exception reaches the client: its message and class are the server's internals.
   */
  private static byte[] failure(JsonValue id, String name, Throwable e) {
    String command = name == null ? "The request" : "Command '" + name + "'";
    Session.log(System.Logger.Level.WARNING, (name == null ? "a request" : "command " + name) + " failed", e);
    return error(id, ErrorClass.GenericError, command + " failed unexpectedly");
  }

  private static final byte[] LAST_RESORT = error(null, ErrorClass.GenericError, "The request failed unexpectedly");

  /** The reply of a request whose own reply could not even be made: no id, nothing of it. */
  static byte[] lastResortError() {
    return LAST_RESORT.clone();
  }

  /**
   * Completes the slot of an asynchronous command when its stage completes. It holds the slot
   * only, which forgets its session when the session closes: a stage that lives on (never
   * completed, or kept by the application) does not keep the session alive.
   */
  private static final class Completion implements java.util.function.BiConsumer<ReplyWriter, Throwable> {
    private final Dispatcher dispatcher;
    private volatile Session.Slot slot;
    private final JsonValue id;
    private final String name;
    private final boolean successResponse;

    Completion(Dispatcher dispatcher, Session.Slot slot, JsonValue id, String name, boolean successResponse) {
      this.dispatcher = dispatcher;
      this.slot = slot;
      this.id = id;
      this.name = name;
      this.successResponse = successResponse;
    }

    @Override
    public void accept(ReplyWriter result, Throwable failure) {
      Session.Slot sl = slot;
      slot = null;
      Session s = sl == null ? null : sl.owner();
      if (s == null || s.closed()) {
        return;
      }
      byte[] reply;
      Throwable cause = failure;
      while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause == null) {
        try {
          reply = successResponse ? dispatcher.delimited(name, success(id, result)) : null;
        } catch (QmpError e) {
          reply = error(id, e.errorClass(), e.desc());
        } catch (Throwable e) {
          reply = failure(id, name, e);
        }
      } else if (cause instanceof QmpError e) {
        reply = error(id, e.errorClass(), e.desc());
      } else {
        reply = failure(id, name, cause);
      }
      s.complete(sl, reply);
    }
  }

  /** QEMU's {@code qmp_dispatch_check_obj()}: the members of a request, in QDict order. */
  private static String checkMembers(Map<String, JsonValue> members, boolean allowOob, boolean legacyRunOob) {
    String execKey = null;
    for (String key : QDictOrder.of(new ArrayList<>(members.keySet()))) {
      JsonValue value = members.get(key);
      if (key.equals("execute") || (key.equals("exec-oob") && allowOob)) {
        if (!(value instanceof JsonValue.JsonString)) {
          return "QMP input member '" + key + "' must be a string";
        }
        if (execKey != null) {
          return "QMP input member '" + key + "' clashes with '" + execKey + "'";
        }
        execKey = key;
      } else if (key.equals("arguments")) {
        if (!(value instanceof JsonValue.JsonObject)) {
          return "QMP input member 'arguments' must be an object";
        }
      } else if (key.equals("control") && allowOob && legacyRunOob) {
        if (!(value instanceof JsonValue.JsonObject)) {
          return "QMP input member 'control' must be an object";
        }
      } else if (!key.equals("id")) {
        return "QMP input member '" + key + "' is unexpected";
      }
    }
    return execKey == null ? "QMP input lacks member 'execute'" : null;
  }

  /** {@code qmp_capabilities}: {@code 'data': {'*enable': ['QMPCapability']}}. */
  private static ReplyWriter qmpCapabilities(Session session, JsonParser arguments) {
    JsonParser p = Input.arguments(arguments);
    List<Capability> enable = List.of();
    MemberErrors errors = new MemberErrors();
    int depth = p.streamReadContext().getNestingDepth();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      p.nextToken();
      if (key.equals("enable")) {
        errors.present(0, key);
        try {
          enable = capabilities(p);
        } catch (QmpError e) {
          errors.invalid(0, e);
          Input.skipRest(p, depth);
        }
      } else {
        errors.unexpected(key);
        p.skipChildren();
      }
    }
    errors.check(null);
    if (session.negotiated()) {
      throw new QmpError(ErrorClass.CommandNotFound, "Capabilities negotiation is already complete, command ignored");
    }
    session.negotiate(enable.contains(Capability.OOB));
    return ReplyWriter.EMPTY_OBJECT;
  }

  /** QEMU's {@code QMPCapability}. */
  private enum Capability {
    OOB
  }

  private static List<Capability> capabilities(JsonParser p) {
    Input.beginArray(p, "enable");
    List<Capability> caps = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String at = Input.element("enable", caps.size());
      caps.add(Input.enumValue(p, at, at, Map.of("oob", Capability.OOB)));
    }
    return caps;
  }

  /** {@code query-commands}: every command, the last registered first (QEMU builds it by prepending). */
  private ReplyWriter queryCommands(JsonParser arguments) {
    Input.noArguments(arguments);
    List<String> names = new ArrayList<>(commands.keySet());
    Collections.reverse(names);
    return g -> {
      g.writeStartArray();
      for (String n : names) {
        g.writeStartObject();
        g.writeName("name");
        g.writeString(n);
        g.writeEndObject();
      }
      g.writeEndArray();
    };
  }

  /**
   * An error reply: {@code {"id": ID, "error": {"class": CLASS, "desc": TEXT}}}; without the id in
   * the one case it cannot be written (it can: the writer allows the streamer's nesting and more),
   * rather than no reply at all.
   */
  static byte[] error(JsonValue id, ErrorClass errorClass, String desc) {
    if (id != null) {
      try {
        return errorReply(id, errorClass, desc);
      } catch (RuntimeException | StackOverflowError e) {
        Session.log(System.Logger.Level.WARNING, "an id could not be written back; replied without it", e);
      }
    }
    return errorReply(null, errorClass, desc);
  }

  private static byte[] errorReply(JsonValue id, ErrorClass errorClass, String desc) {
    return QmpJson.message(
        g -> {
          g.writeStartObject();
          writeId(g, id);
          g.writeName("error");
          g.writeStartObject();
          g.writeName("class");
          g.writeString(errorClass.name());
          g.writeName("desc");
          g.writeString(desc);
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  private static void writeId(JsonGenerator g, JsonValue id) {
    if (id != null) {
      g.writeName("id");
      QmpJson.write(g, id);
    }
  }
}
