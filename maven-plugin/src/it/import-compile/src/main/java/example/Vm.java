package example;

import example.qapi.MachineSchema;
import example.qapi.MachineSchema_Dispatch;
import example.qapi.RunState;
import example.qapi.StatusInfo;

/** A machine serving the imported schema: compiles only if the plugin and the processor did their part. */
public final class Vm implements MachineSchema {
  private boolean running = true;

  @Override
  public StatusInfo queryStatus() {
    return new StatusInfo(running, running ? RunState.RUNNING : RunState.PAUSED);
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public void cont() {
    running = true;
  }

  @Override
  public void screendump(String filename) {}

  @Override
  public void balloon(long value) {}

  /** The dispatch table the processor generated. */
  public static MachineSchema_Dispatch dispatch() {
    return new MachineSchema_Dispatch(new Vm());
  }
}
