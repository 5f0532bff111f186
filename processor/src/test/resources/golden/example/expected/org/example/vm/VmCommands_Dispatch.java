package org.example.vm;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;
import org.qapi4j.runtime.DispatchTable;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.ReplyWriter;
import org.qapi4j.runtime.marshal.Input;
import org.qapi4j.runtime.marshal.ObjectType;
import tools.jackson.core.JsonParser;

/**
 * The dispatch table of QAPI schema {@code example}: its commands bound to an implementation of
 * {@link VmCommands}.
 */
@Generated(
    value = "org.qapi4j.processor.Qapi4jProcessor",
    comments = "from QAPI schema 'example'"
)
@SuppressWarnings({"deprecation", "unchecked"})
public final class VmCommands_Dispatch implements DispatchTable {
  private static final ObjectType BALLOON = new ObjectType(VmCommands_Marshal.TYPES, "balloon", "value:int/P", "0");

  private static final ObjectType SCREENDUMP = new ObjectType(VmCommands_Marshal.TYPES, "screendump", "filename:str device:str/?", "1 0");

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
      new QmpCommand("query-status", Set.of(QmpCommand.Flag.ALLOW_PRECONFIG), this::queryStatus),
      new QmpCommand("balloon", this::balloon),
      new QmpCommand("screendump", Set.of(QmpCommand.Flag.COROUTINE), this::screendump));
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
    Object[] a = BALLOON.read(Input.arguments(arguments), null);
    impl.balloon((long) a[0]);
    return ReplyWriter.EMPTY_OBJECT;
  }

  /**
   * Command {@code screendump}.
   */
  private ReplyWriter screendump(JsonParser arguments) {
    Object[] a = SCREENDUMP.read(Input.arguments(arguments), null);
    impl.screendump((String) a[0], (String) a[1]);
    return ReplyWriter.EMPTY_OBJECT;
  }
}
