package org.qapi4j.runtime.client;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.qapi4j.runtime.DispatchTable;
import org.qapi4j.runtime.ErrorClass;
import org.qapi4j.runtime.EventSink;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpEndpoint;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.QmpEvent;
import org.qapi4j.runtime.server.QmpServer;
import org.qapi4j.runtime.ReplyWriter;
import org.qapi4j.runtime.TestArguments;

/**
 * An in-process server with a test dispatch table:
 *
 * <ul>
 *   <li>{@code echo-int}: {@code 'data': {'value': 'int'}, 'returns': {'value': 'int'}};
 *   <li>{@code tick}: {@code 'data': {'value': 'int'}}, emits {@code TICK {"value": V}};
 *   <li>{@code delete}: {@code 'data': {'id': 'str'}}, emits {@code DELETED {"device": ID}};
 *   <li>{@code missing}: fails with {@code DeviceNotFound};
 *   <li>{@code oob-ping}: {@code allow-oob}; {@code quiet}: {@code success-response: false}.
 * </ul>
 */
final class ServerFixture implements AutoCloseable {
  final QmpServer server;
  final Path socket;

  ServerFixture(Path dir, Clock clock) {
    socket = dir.resolve("qmp.sock");
    EventSink[] sink = new EventSink[1];
    QmpServer.Builder b = QmpServer.builder().version(7, 2, 1, "test").commands(table(sink))
        .endpoint(QmpEndpoint.unix(socket));
    if (clock != null) {
      b.eventTime(clock, (task, millis) -> {});
    }
    server = b.build();
    sink[0] = server.events();
    server.start();
  }

  java.net.UnixDomainSocketAddress address() {
    return java.net.UnixDomainSocketAddress.of(socket);
  }

  void emit(String name, String member, long value) {
    server.events().emit(new QmpEvent(name, data(member, value)));
  }

  private static DispatchTable table(EventSink[] sink) {
    return new DispatchTable() {
      @Override
      public String schemaName() {
        return "client-test";
      }

      @Override
      public List<QmpCommand> commands() {
        return List.of(
            new QmpCommand("echo-int", a -> data("value", TestArguments.int64(a, "value"))),
            new QmpCommand("tick", a -> {
              sink[0].emit(new QmpEvent("TICK", data("value", TestArguments.int64(a, "value"))));
              return ReplyWriter.EMPTY_OBJECT;
            }),
            new QmpCommand("delete", a -> {
              String id = TestArguments.str(a, "id");
              sink[0].emit(new QmpEvent("DELETED", out -> {
                out.writeStartObject();
                out.writeName("device");
                out.writeString(id);
                out.writeEndObject();
              }));
              return ReplyWriter.EMPTY_OBJECT;
            }),
            new QmpCommand("missing", a -> {
              throw new QmpError(ErrorClass.DeviceNotFound, "Device 'nic9' not found");
            }),
            new QmpCommand("oob-ping", Set.of(QmpCommand.Flag.ALLOW_OOB), a -> ReplyWriter.EMPTY_OBJECT),
            new QmpCommand("quiet", Set.of(QmpCommand.Flag.NO_SUCCESS_RESPONSE), a -> null));
      }
    };
  }

  static ReplyWriter data(String name, long value) {
    return out -> {
      out.writeStartObject();
      out.writeName(name);
      out.writeNumber(value);
      out.writeEndObject();
    };
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      server.awaitTermination();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
