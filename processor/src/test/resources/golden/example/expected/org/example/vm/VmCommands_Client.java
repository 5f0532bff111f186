package org.example.vm;

import java.util.Objects;
import javax.annotation.processing.Generated;
import org.qapi4j.runtime.client.CallOptions;
import org.qapi4j.runtime.client.QmpClient;
import org.qapi4j.runtime.marshal.ObjectType;

/**
 * The commands of {@link VmCommands} over a QMP connection: each method executes its
 * command and returns its result, read tolerantly (members and enum values a newer server
 * adds are let through). {@code qmpClient.commands(VmCommands.class)} gives one.
 */
@Generated(
    value = "org.qapi4j.processor.Qapi4jProcessor",
    comments = "from QAPI schema 'example'"
)
@SuppressWarnings({"deprecation", "unchecked"})
public final class VmCommands_Client implements VmCommands {
  static final ObjectType BALLOON = new ObjectType(VmCommands_Marshal.TYPES, "balloon", "value:int/P", "0");

  static final ObjectType SCREENDUMP = new ObjectType(VmCommands_Marshal.TYPES, "screendump", "filename:str device:str/?", "1 0");

  private final QmpClient qmp;

  private final CallOptions options;

  public VmCommands_Client(QmpClient qmp) {
    this(qmp, CallOptions.DEFAULT);
  }

  /**
   * Every call with {@code options} (a deadline other than the connection's, say).
   */
  public VmCommands_Client(QmpClient qmp, CallOptions options) {
    this.qmp = Objects.requireNonNull(qmp, "qmp");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public StatusInfo queryStatus() {
    return this.qmp.call("query-status", null, p -> VmCommands_Marshal.readStatusInfo(p, "return"), this.options);
  }

  @Override
  public void balloon(long value) {
    this.qmp.call("balloon", out -> VmCommands_Client.BALLOON.write(out, value), null, this.options);
  }

  @Override
  public void screendump(String filename, String device) {
    this.qmp.call("screendump", out -> VmCommands_Client.SCREENDUMP.write(out, filename, device), null, this.options);
  }
}
