package org.example.vm;

import javax.annotation.processing.Generated;
import org.qapi4j.runtime.marshal.EnumType;
import org.qapi4j.runtime.marshal.NamedTypes;
import org.qapi4j.runtime.marshal.ObjectType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * Readers and writers of the types of QAPI schema {@code example}, QEMU's wire format on Jackson's
 * streaming API. Readers report input errors with QEMU's texts; writers print members in
 * QEMU's order.
 *
 * <p>Each struct, union and alternate {@code T} that the generated code reads (a server what
 * commands take, a client what they return and events carry) has {@code readT(p, path)} (an
 * alternate's also takes the {@code name} its errors print), and each one it writes has
 * {@code writeT(out, value)}; each enum has an {@code EnumType} constant
 * ({@code RUN_STATE} for {@code RunState}) with {@code read(p, path, name)} and {@code write(out, value)}.
 * A reader expects the parser on the value's first token and leaves it on its last; {@code path} is
 * the value's name in QEMU's errors ({@code null} for a command's arguments). The members of objects and
 * the wire names of enums are tables, read and written by the runtime's {@code ObjectType} and
 * {@code EnumType}, which document their form.
 */
@Generated(
    value = "org.qapi4j.processor.Qapi4jProcessor",
    comments = "from QAPI schema 'example'"
)
@SuppressWarnings({"deprecation", "unchecked"})
public final class VmCommands_Marshal {
  /**
   * The schema's named types, for the tables of generated code.
   */
  public static final NamedTypes TYPES = new Types();

  private static final ObjectType STATUS_INFO = new ObjectType(TYPES, "StatusInfo", "running:bool/P singlestep:bool/P status:1", "2 1 0");

  public static final EnumType<RunState> RUN_STATE = new EnumType<RunState>("RunState", RunState.values(), "debug paused prelaunch running shutdown");

  private VmCommands_Marshal() {
  }

  public static StatusInfo readStatusInfo(JsonParser p, String path) {
    Object[] a = STATUS_INFO.read(p, path);
    return new StatusInfo((boolean) a[0], (boolean) a[1], (RunState) a[2]);
  }

  public static void writeStatusInfo(JsonGenerator out, StatusInfo value) {
    STATUS_INFO.write(out, value.running(), value.singlestep(), value.status());
  }

  private static final class Types implements NamedTypes {
    @Override
    public Object read(int type, JsonParser p, String path, String name) {
      return switch (type) {
        case 0 -> readStatusInfo(p, path);
        case 1 -> RUN_STATE.read(p, path, name);
        default -> throw new IllegalArgumentException("type " + type);
      };
    }

    @Override
    public void write(int type, JsonGenerator out, Object value) {
      switch (type) {
        case 0 -> writeStatusInfo(out, (StatusInfo) value);
        case 1 -> RUN_STATE.write(out, (RunState) value);
        default -> throw new IllegalArgumentException("type " + type);
      }
    }
  }
}
