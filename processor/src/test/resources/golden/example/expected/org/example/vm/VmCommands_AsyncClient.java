package org.example.vm;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;
import org.qapi4j.runtime.client.CallOptions;
import org.qapi4j.runtime.client.QmpClient;

/**
 * {@link VmCommands_Async} over a QMP connection. {@code qmpClient.commands(VmCommands_Async.class)} gives one.
 */
@Generated(
    value = "org.qapi4j.processor.Qapi4jProcessor",
    comments = "from QAPI schema 'example'"
)
@SuppressWarnings({"deprecation", "unchecked"})
public final class VmCommands_AsyncClient implements VmCommands_Async {
  private final QmpClient qmp;

  private final CallOptions options;

  public VmCommands_AsyncClient(QmpClient qmp) {
    this(qmp, CallOptions.DEFAULT);
  }

  /**
   * Every call with {@code options} (a deadline other than the connection's, say).
   */
  public VmCommands_AsyncClient(QmpClient qmp, CallOptions options) {
    this.qmp = Objects.requireNonNull(qmp, "qmp");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public CompletableFuture<StatusInfo> queryStatus() {
    return this.qmp.callAsync("query-status", null, p -> VmCommands_Marshal.readStatusInfo(p, "return"), this.options);
  }

  @Override
  public CompletableFuture<Void> balloon(long value) {
    return this.qmp.callAsync("balloon", out -> VmCommands_Client.BALLOON.write(out, value), null, this.options);
  }

  @Override
  public CompletableFuture<Void> screendump(String filename, String device) {
    return this.qmp.callAsync("screendump", out -> VmCommands_Client.SCREENDUMP.write(out, filename, device), null, this.options);
  }
}
