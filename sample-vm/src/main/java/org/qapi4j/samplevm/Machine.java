package org.qapi4j.samplevm;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executor;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.samplevm.schema.BalloonInfo;
import org.qapi4j.samplevm.schema.MachineEvents;
import org.qapi4j.samplevm.schema.NameInfo;
import org.qapi4j.samplevm.schema.RunState;
import org.qapi4j.samplevm.schema.RunStateEvents;
import org.qapi4j.samplevm.schema.SampleVmSchema;
import org.qapi4j.samplevm.schema.ShutdownCause;
import org.qapi4j.samplevm.schema.StatusInfo;
import org.qapi4j.samplevm.schema.VersionInfo;
import org.qapi4j.samplevm.schema.VersionTriple;

/**
 * The simulated machine: a run state that the commands move as QEMU 7.2's would, with the events
 * QEMU sends on the way. Everything here runs on the QMP server's main loop, as in QEMU, where
 * commands run under the big lock.
 *
 * <p>QEMU handles reset, power-button and shutdown requests in its main loop before the reply of
 * the command that made them goes out, so their events precede the reply on the wire (observed on
 * Debian's 7.2: {@code RESET}, then {@code {"return": {}}}); the sample VM sends them from the
 * command itself, which gives the same order.
 *
 * <p>The guest is simulated as a well-behaved OS: it answers the ACPI power button by shutting
 * down (when its CPUs run), some time after the command; QEMU started with {@code -machine none}
 * has no guest and sends {@code POWERDOWN} only.
 */
public final class Machine implements SampleVmSchema {
  /** QEMU's {@code runstate_needs_reset()}: states only a reset leaves. */
  private static final Set<RunState> NEEDS_RESET =
      EnumSet.of(RunState.INTERNAL_ERROR, RunState.SHUTDOWN, RunState.GUEST_PANICKED);

  private final Options options;
  private final RunStateEvents events;
  private final Executor mainLoop;
  private final Runnable exit;

  /** The simulated guest's RAM: QEMU's default, 128 MiB. */
  public static final long RAM_SIZE = 128L << 20;

  private final MachineEvents machineEvents;
  private RunState state;
  private boolean powerButtonPressed;
  private long balloonActual = RAM_SIZE;

  /**
   * @param events where the machine's run-state events go
   * @param machineEvents where its other events go
   * @param mainLoop the QMP server's main loop, for the work QEMU defers to its main loop
   * @param exit ends the emulator (run on the main loop once {@code SHUTDOWN} was sent)
   */
  public Machine(
      Options options, RunStateEvents events, MachineEvents machineEvents, Executor mainLoop, Runnable exit) {
    this.options = options;
    this.events = events;
    this.machineEvents = machineEvents;
    this.mainLoop = mainLoop;
    this.exit = exit;
    this.state = options.startPaused() ? RunState.PRELAUNCH : RunState.RUNNING;
  }

  public RunState state() {
    return state;
  }

  @Override
  public VersionInfo queryVersion() {
    return new VersionInfo(new VersionTriple(7, 2, 0), Options.PACKAGE);
  }

  @Override
  public StatusInfo queryStatus() {
    return new StatusInfo(state == RunState.RUNNING, false, state);
  }

  @Override
  public NameInfo queryName() {
    return new NameInfo(options.name());
  }

  @Override
  public void stop() {
    if (state == RunState.INMIGRATE) {
      return; // QEMU only clears autostart here
    }
    stopCpus(RunState.PAUSED);
  }

  @Override
  public void cont() {
    if (NEEDS_RESET.contains(state)) {
      throw new QmpError("Resetting the Virtual Machine is required");
    }
    if (state == RunState.FINISH_MIGRATE) {
      throw new QmpError("Migration is not finalized yet");
    }
    if (state == RunState.RUNNING || state == RunState.SUSPENDED) {
      return;
    }
    events.resume();
    state = RunState.RUNNING;
    if (powerButtonPressed) {
      mainLoop.execute(this::guestHandlesPowerButton);
    }
  }

  @Override
  public void systemReset() {
    reset(ShutdownCause.HOST_QMP_SYSTEM_RESET);
  }

  @Override
  public void systemPowerdown() {
    events.powerdown();
    powerButtonPressed = true;
    if (state == RunState.RUNNING) {
      mainLoop.execute(this::guestHandlesPowerButton);
    }
  }

  /**
   * QEMU's {@code balloon}: a size of at least one byte; the simulated guest's driver answers
   * after the command, moving to the target (within its RAM) and saying so with
   * {@code BALLOON_CHANGE}.
   */
  @Override
  public void balloon(long value) {
    if (value <= 0) {
      throw new QmpError("Parameter 'target' expects a size");
    }
    long target = Math.min(value, RAM_SIZE);
    mainLoop.execute(
        () -> {
          balloonActual = target;
          machineEvents.balloonChange(balloonActual);
        });
  }

  @Override
  public BalloonInfo queryBalloon() {
    return new BalloonInfo(balloonActual);
  }

  @Override
  public void quit() {
    events.shutdown(false, ShutdownCause.HOST_QMP_QUIT);
    mainLoop.execute(exit); // after the reply
  }

  /** SIGTERM and friends: QEMU sends {@code SHUTDOWN} with reason {@code host-signal} and exits. */
  public void killed() {
    shutdown(ShutdownCause.HOST_SIGNAL, true);
  }

  private void reset(ShutdownCause reason) {
    powerButtonPressed = false;
    events.reset(isGuestCause(reason), reason);
    if (state != RunState.RUNNING && state != RunState.INMIGRATE && state != RunState.FINISH_MIGRATE) {
      state = RunState.PRELAUNCH;
    }
  }

  private void guestHandlesPowerButton() {
    if (powerButtonPressed && state == RunState.RUNNING) {
      powerButtonPressed = false;
      shutdown(ShutdownCause.GUEST_SHUTDOWN, !options.noShutdown());
    }
  }

  /** QEMU's shutdown request as its main loop handles it: the event, then exit or a stop. */
  private void shutdown(ShutdownCause reason, boolean exitEmulator) {
    events.shutdown(isGuestCause(reason), reason);
    if (exitEmulator) {
      exit.run();
    } else {
      stopCpus(RunState.SHUTDOWN);
    }
  }

  /** QEMU's {@code vm_stop()}: only a running machine changes state (and says {@code STOP}). */
  private void stopCpus(RunState newState) {
    if (state == RunState.RUNNING) {
      state = newState;
      events.stop();
    }
  }

  /** QEMU's {@code shutdown_caused_by_guest()}: the causes from {@code guest-shutdown} on. */
  private static boolean isGuestCause(ShutdownCause reason) {
    return reason.compareTo(ShutdownCause.GUEST_SHUTDOWN) >= 0
        && reason != ShutdownCause.SUBSYSTEM_RESET
        && reason != ShutdownCause.SNAPSHOT_LOAD;
  }
}
