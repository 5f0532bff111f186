package org.example.vm;

import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;
import org.qapi4j.runtime.DispatchTable;
import org.qapi4j.runtime.QmpCommand;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.runtime.ReplyWriter;
import org.qapi4j.runtime.marshal.Input;
import org.qapi4j.runtime.marshal.MemberErrors;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

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
    boolean hasValue = false;
    MemberErrors errors = new MemberErrors();
    int depth = p.streamReadContext().getNestingDepth();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      p.nextToken();
      switch (key) {
        case "value" -> {
          errors.present(0, key);
          hasValue = true;
          try {
            value = Input.int64(p, "value");
          } catch (QmpError e) {
            errors.invalid(0, e);
            Input.skipRest(p, depth);
          }
        }
        default -> {
          errors.unexpected(key);
          p.skipChildren();
        }
      }
    }
    if (!hasValue) {
      errors.missing(0, "value");
    }
    errors.check(null);
    impl.balloon(value);
    return ReplyWriter.EMPTY_OBJECT;
  }

  /**
   * Command {@code screendump}.
   */
  private ReplyWriter screendump(JsonParser arguments) {
    JsonParser p = Input.arguments(arguments);
    String filename = null;
    boolean hasFilename = false;
    String device = null;
    MemberErrors errors = new MemberErrors();
    int depth = p.streamReadContext().getNestingDepth();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      p.nextToken();
      switch (key) {
        case "filename" -> {
          errors.present(0, key);
          hasFilename = true;
          try {
            filename = Input.str(p, "filename");
          } catch (QmpError e) {
            errors.invalid(0, e);
            Input.skipRest(p, depth);
          }
        }
        case "device" -> {
          errors.present(1, key);
          try {
            device = Input.str(p, "device");
          } catch (QmpError e) {
            errors.invalid(1, e);
            Input.skipRest(p, depth);
          }
        }
        default -> {
          errors.unexpected(key);
          p.skipChildren();
        }
      }
    }
    if (!hasFilename) {
      errors.missing(0, "filename");
    }
    errors.check(null);
    impl.screendump(filename, device);
    return ReplyWriter.EMPTY_OBJECT;
  }
}
