package org.example.vm;

import java.util.Objects;
import javax.annotation.processing.Generated;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.marshal.Input;
import org.qapi4j.runtime.marshal.MemberErrors;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

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
   * Reads struct {@code StatusInfo}; {@code p} is on its first token.
   */
  public static StatusInfo readStatusInfo(JsonParser p, String path) {
    Input.beginObject(p, path);
    boolean running = false;
    boolean hasRunning = false;
    boolean singlestep = false;
    boolean hasSinglestep = false;
    RunState status = null;
    boolean hasStatus = false;
    MemberErrors errors = new MemberErrors();
    int depth = p.streamReadContext().getNestingDepth();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      p.nextToken();
      switch (key) {
        case "running" -> {
          errors.present(0, key);
          hasRunning = true;
          try {
            running = Input.bool(p, Input.path(path, "running"));
          } catch (QmpError e) {
            errors.invalid(0, e);
            Input.skipRest(p, depth);
          }
        }
        case "singlestep" -> {
          errors.present(1, key);
          hasSinglestep = true;
          try {
            singlestep = Input.bool(p, Input.path(path, "singlestep"));
          } catch (QmpError e) {
            errors.invalid(1, e);
            Input.skipRest(p, depth);
          }
        }
        case "status" -> {
          errors.present(2, key);
          hasStatus = true;
          try {
            status = VmCommands_Marshal.readRunState(p, Input.path(path, "status"), "status");
          } catch (QmpError e) {
            errors.invalid(2, e);
            Input.skipRest(p, depth);
          }
        }
        default -> {
          errors.unexpected(key);
          p.skipChildren();
        }
      }
    }
    if (!hasRunning) {
      errors.missing(0, Input.path(path, "running"));
    }
    if (!hasSinglestep) {
      errors.missing(1, Input.path(path, "singlestep"));
    }
    if (!hasStatus) {
      errors.missing(2, Input.path(path, "status"));
    }
    errors.check(path);
    return new StatusInfo(running, singlestep, status);
  }

  /**
   * Writes struct {@code StatusInfo}.
   */
  public static void writeStatusInfo(JsonGenerator out, StatusInfo value) {
    out.writeStartObject();
    out.writeName("status");
    VmCommands_Marshal.writeRunState(out, Objects.requireNonNull(value.status(), "StatusInfo.status"));
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
