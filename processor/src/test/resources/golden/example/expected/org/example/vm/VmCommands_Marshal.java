package org.example.vm;

import java.util.Objects;
import javax.annotation.processing.Generated;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.marshal.Input;
import org.qapi4j.runtime.marshal.ObjectReader;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * Readers and writers of the types of QAPI schema {@code example}, QEMU's wire format on Jackson's
 * streaming API. Readers report input errors with QEMU's texts; writers print members in
 * QEMU's order.
 */
@Generated(
    value = "org.qapi4j.processor.Qapi4jProcessor",
    comments = "from QAPI schema 'example'"
)
@SuppressWarnings("deprecation")
public final class VmCommands_Marshal {
  private VmCommands_Marshal() {
  }

  /**
   * A mandatory member's value, which must not be null.
   */
  private static <T> T nonNull(T value, String member) {
    return Objects.requireNonNull(value, member);
  }

  /**
   * Reads struct {@code StatusInfo}; {@code p} is on its first token.
   */
  public static StatusInfo readStatusInfo(JsonParser p, String path) {
    Input.beginObject(p, path);
    boolean running = false;
    boolean singlestep = false;
    RunState status = null;
    ObjectReader r = new ObjectReader(p, path);
    while (r.next()) {
      try {
        switch (r.key()) {
          case "running" -> running = r.bool(0);
          case "singlestep" -> singlestep = r.bool(1);
          case "status" -> status = readRunState(p, r.at(2), "status");
          default -> r.unexpected();
        }
      } catch (QmpError e) {
        r.invalid(e);
      }
    }
    r.require(0, "running");
    r.require(1, "singlestep");
    r.require(2, "status");
    r.check();
    return new StatusInfo(running, singlestep, status);
  }

  /**
   * Writes struct {@code StatusInfo}.
   */
  public static void writeStatusInfo(JsonGenerator out, StatusInfo value) {
    out.writeStartObject();
    out.writeName("status");
    writeRunState(out, nonNull(value.status(), "StatusInfo.status"));
    out.writeName("singlestep");
    out.writeBoolean(value.singlestep());
    out.writeName("running");
    out.writeBoolean(value.running());
    out.writeEndObject();
  }

  /**
   * Reads enum {@code RunState}; {@code name} is what QEMU's error prints.
   */
  public static RunState readRunState(JsonParser p, String path, String name) {
    String value = Input.str(p, path);
    return switch (value) {
      case "debug" -> RunState.DEBUG;
      case "paused" -> RunState.PAUSED;
      case "prelaunch" -> RunState.PRELAUNCH;
      case "running" -> RunState.RUNNING;
      case "shutdown" -> RunState.SHUTDOWN;
      default -> throw Input.badEnumValue(name, value);
    };
  }

  /**
   * Writes enum {@code RunState} as its wire name.
   */
  public static void writeRunState(JsonGenerator out, RunState value) {
    out.writeString(
        switch (value) {
          case DEBUG -> "debug";
          case PAUSED -> "paused";
          case PRELAUNCH -> "prelaunch";
          case RUNNING -> "running";
          case SHUTDOWN -> "shutdown";
        });
  }
}
