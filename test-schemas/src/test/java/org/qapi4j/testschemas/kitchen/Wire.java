package org.qapi4j.testschemas.kitchen;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.QmpEvent;
import org.qapi4j.runtime.ReplyWriter;
import org.qapi4j.runtime.json.QmpJson;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/** Moving kitchen-sink values through the generated code, as the server does. */
final class Wire {
  private Wire() {}

  /** A generated reader: {@code readT(p, path)} or, for enums, alternates and arrays, {@code readT(p, path, name)}. */
  @FunctionalInterface
  interface Reader<T> {
    T read(JsonParser p, String path);
  }

  /** Reads a top-level value (path null, as a command's boxed argument). */
  static <T> T read(String json, Reader<T> reader) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    JsonParser p = QmpJson.parser(bytes, 0, bytes.length);
    p.nextToken();
    return reader.read(p, null);
  }

  /** Writes a value as QEMU prints it (no trailing CRLF). */
  static <T> String write(T value, BiConsumer<JsonGenerator, T> writer) {
    return text(QmpJson.message(g -> writer.accept(g, value)));
  }

  /** The text of the QmpError the call fails with. */
  static String error(Runnable r) {
    return assertThrows(QmpError.class, r::run).desc();
  }

  static QmpCommand byName(List<QmpCommand> commands, String name) {
    return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** Runs a command's marshal function: the {@code return} it writes, as QEMU prints it. */
  static String call(QmpCommand command, String arguments) {
    JsonParser p = null;
    if (arguments != null) {
      byte[] bytes = arguments.getBytes(StandardCharsets.UTF_8);
      p = QmpJson.parser(bytes, 0, bytes.length);
    }
    ReplyWriter reply = command.handler().invoke(p);
    return reply == null ? null : text(QmpJson.message(reply::write));
  }

  /** An event sink that keeps each event as {@code NAME} or {@code NAME DATA}. */
  static final class Events implements org.qapi4j.runtime.EventSink {
    final List<String> sent = new ArrayList<>();
    final List<QmpEvent> raw = new ArrayList<>();

    @Override
    public void emit(QmpEvent event) {
      raw.add(event);
      sent.add(event.data() == null ? event.name() : event.name() + " " + text(QmpJson.message(event.data()::write)));
    }
  }

  private static String text(byte[] message) {
    String s = new String(message, StandardCharsets.UTF_8);
    return s.substring(0, s.length() - 2);
  }
}
