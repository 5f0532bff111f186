package org.example.vm;

import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import org.qapi4j.runtime.DispatchTable;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.ReplyWriter;
import org.qapi4j.runtime.marshal.Input;
import org.qapi4j.runtime.marshal.ObjectReader;
import tools.jackson.core.JsonParser;

/**
 * The dispatch table of QAPI schema {@code example}: its commands bound to an implementation of
 * {@link VmCommands}.
 */
@Generated(
    value = "org.qapi4j.processor.Qapi4jProcessor",
    comments = "from QAPI schema 'example'"
)
@SuppressWarnings("deprecation")
public final class VmCommands_Dispatch implements DispatchTable {
  private final VmCommands impl;

  public VmCommands_Dispatch(VmCommands impl) {
    this.impl = Objects.requireNonNull(impl, "impl");
  }

  @Override
  public String schemaName() {
    return "example";
  }

  @Override
  public List<QmpCommand> commands() {
    return List.of(
      new QmpCommand("query-status", QmpCommand.ALLOW_PRECONFIG, this::queryStatus),
      new QmpCommand("balloon", 0, this::balloon),
      new QmpCommand("screendump", QmpCommand.COROUTINE, this::screendump));
  }

  /**
   * The {@code query-qmp-schema} reply, from resource {@code VmCommands.qmp-schema.json}.
   */
  @Override
  public byte[] introspection() {
    return DispatchTable.resource(VmCommands_Dispatch.class, "VmCommands.qmp-schema.json");
  }

  /**
   * Command {@code query-status}.
   */
  private ReplyWriter queryStatus(JsonParser arguments) {
    Input.noArguments(arguments);
    var result = impl.queryStatus();
    Objects.requireNonNull(result, "the result of query-status");
    return out -> VmCommands_Marshal.writeStatusInfo(out, result);
  }

  /**
   * Command {@code balloon}.
   */
  private ReplyWriter balloon(JsonParser arguments) {
    JsonParser p = Input.arguments(arguments);
    long value = 0;
    ObjectReader r = new ObjectReader(p, null);
    while (r.next()) {
      try {
        switch (r.key()) {
          case "value" -> value = r.int64(0);
          default -> r.unexpected();
        }
      } catch (QmpError e) {
        r.invalid(e);
      }
    }
    r.require(0, "value");
    r.check();
    impl.balloon(value);
    return ReplyWriter.EMPTY_OBJECT;
  }

  /**
   * Command {@code screendump}.
   */
  private ReplyWriter screendump(JsonParser arguments) {
    JsonParser p = Input.arguments(arguments);
    String filename = null;
    String device = null;
    ObjectReader r = new ObjectReader(p, null);
    while (r.next()) {
      try {
        switch (r.key()) {
          case "filename" -> filename = r.str(0);
          case "device" -> device = r.str(1);
          default -> r.unexpected();
        }
      } catch (QmpError e) {
        r.invalid(e);
      }
    }
    r.require(0, "filename");
    r.check();
    impl.screendump(filename, device);
    return ReplyWriter.EMPTY_OBJECT;
  }
}
