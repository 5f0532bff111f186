package org.qapi4j.runtime.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.qapi4j.runtime.json.JsonValue;
import tools.jackson.core.JsonParser;

/**
 * An event as a client receives it: {@code {"event": NAME, "data": {...}, "timestamp":
 * {"seconds": S, "microseconds": U}}}. (Not the server's {@link org.qapi4j.runtime.QmpEvent},
 * which is what an emitter hands to the server: a name and a writer for the data.)
 *
 * <p>The data is parsed when first asked for, on the thread that asks; {@link #dataParser()} hands
 * it to a generated reader without building a {@link JsonValue} at all. Immutable and safe to share.
 */
public final class ReceivedEvent {
  private final String name;
  private final Instant timestamp;
  private final byte[] message;
  private final int dataStart;
  private final int dataEnd;
  private volatile JsonValue data;

  ReceivedEvent(String name, Instant timestamp, byte[] message, int dataStart, int dataEnd) {
    this.name = Objects.requireNonNull(name, "name");
    this.timestamp = timestamp;
    this.message = message;
    this.dataStart = dataStart;
    this.dataEnd = dataEnd;
  }

  /** The event's name, {@code "STOP"}. */
  public String name() {
    return name;
  }

  /**
   * When the server says the event happened (its {@code timestamp}, to the microsecond); null if
   * the message had none.
   */
  public Instant timestamp() {
    return timestamp;
  }

  public boolean hasData() {
    return dataStart >= 0;
  }

  /**
   * The {@code data} member, or null for an event without data. Its offsets are into
   * {@link #message()}.
   */
  public JsonValue data() {
    if (dataStart < 0) {
      return null;
    }
    JsonValue d = data;
    if (d == null) {
      d = Json.parse(message, dataStart, dataEnd);
      data = d;
    }
    return d;
  }

  /** Member {@code path} of the data ({@link Json#member}), or null. */
  public JsonValue data(String... path) {
    return Json.member(data(), path);
  }

  /**
   * A Jackson parser over the data, on its first token (as generated readers expect), or null for
   * an event without data. The caller closes it.
   */
  public JsonParser dataParser() {
    if (dataStart < 0) {
      return null;
    }
    JsonParser p = Json.parser(message, dataStart, dataEnd);
    p.nextToken();
    return p;
  }

  /**
   * A Jackson parser over the data on its first token, or over {@code {}} for an event without
   * data: what a generated reader of the data's members reads. The caller closes it.
   */
  public JsonParser membersParser() {
    JsonParser p = dataStart < 0 ? Json.parser(EMPTY_OBJECT, 0, EMPTY_OBJECT.length) : Json.parser(message, dataStart, dataEnd);
    p.nextToken();
    return p;
  }

  private static final byte[] EMPTY_OBJECT = {'{', '}'};

  /** The message as received, without the trailing CR LF (a copy). */
  public byte[] message() {
    return message.clone();
  }

  /** The message as received, as text. */
  public String messageText() {
    return new String(message, StandardCharsets.UTF_8);
  }

  /** Where the data is in {@link #message()}: {@code [start, end)}, or {@code [-1, -1)}. */
  public int dataStart() {
    return dataStart;
  }

  public int dataEnd() {
    return dataEnd;
  }

  /** The raw bytes, not copied; package-private for the client's own use. */
  byte[] rawMessage() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReceivedEvent e && Arrays.equals(message, e.message);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(message);
  }

  @Override
  public String toString() {
    return messageText();
  }
}
