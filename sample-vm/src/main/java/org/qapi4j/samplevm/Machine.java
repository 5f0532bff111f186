package org.qapi4j.samplevm;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.qapi4j.runtime.server.Coroutine;
import org.qapi4j.runtime.ErrorClass;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.samplevm.schema.BalloonInfo;
import org.qapi4j.samplevm.schema.DumpEvents;
import org.qapi4j.samplevm.schema.MachineEvents;
import org.qapi4j.samplevm.schema.MigrationCapabilityStatus;
import org.qapi4j.samplevm.schema.MigrationEvents;
import org.qapi4j.samplevm.schema.MiscEvents;
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
 *
 * <p>The commands show each way a command can run: most run on the main loop; {@code screendump}
 * and {@code block_resize} are coroutine commands that wait (for the display, for the image file)
 * without blocking it; {@code dump-guest-memory} is asynchronous; {@code migrate-pause},
 * {@code migrate-recover}, {@code yank} and {@code query-yank} run out of band on the I/O thread,
 * and so work with thread-safe state ({@link Migration}, {@link Yank}).
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

  /**
   * The QOM path of the guest's real-time clock: where QEMU 7.2 puts the {@code mc146818rtc} of a
   * {@code pc} machine (observed: {@code qom-list /machine/unattached}).
   */
  public static final String RTC_QOM_PATH = "/machine/unattached/device[9]";

  private final MachineEvents machineEvents;
  private final MiscEvents miscEvents;
  private final Host host;
  /** Where file I/O runs (QEMU's thread pool), so that coroutines can wait for it. */
  private final ExecutorService io = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "sample-vm-io");
    t.setDaemon(true);
    return t;
  });
  private final Migration migration;
  private final Yank yank;
  private final Display display;
  private final BlockDevices blocks;
  private final GuestDump dump;
  private RunState state;
  private boolean powerButtonPressed;
  private long balloonActual = RAM_SIZE;

  /** The event interfaces of the schema, as emitters. */
  public record Events(
      RunStateEvents runState, MachineEvents machine, MiscEvents misc, MigrationEvents migration, DumpEvents dump) {}

  /**
   * @param events where the machine's events go
   * @param mainLoop the QMP server's main loop, for the work QEMU defers to its main loop
   * @param host the QMP server's side: preconfig phase, monitors
   * @param socketMonitors the indexes (among the {@code -qmp} options) of the socket monitors
   * @param exit ends the emulator (run on the main loop once {@code SHUTDOWN} was sent)
   */
  public Machine(
      Options options, Events events, Executor mainLoop, Host host, List<Integer> socketMonitors, Runnable exit) {
    this.options = options;
    this.events = events.runState();
    this.machineEvents = events.machine();
    this.miscEvents = events.misc();
    this.mainLoop = mainLoop;
    this.host = host;
    this.exit = exit;
    if (options.incoming() != null) {
      this.state = RunState.INMIGRATE;
    } else {
      this.state = options.startPaused() || options.preconfig() ? RunState.PRELAUNCH : RunState.RUNNING;
    }
    this.migration = new Migration(events.migration(), mainLoop, new Migration.Guest() {
      @Override
      public void postcopyStarted() {
        startAfterIncoming();
      }

      @Override
      public void completed(boolean afterPostcopy) {
        if (!afterPostcopy) {
          startAfterIncoming();
        }
      }
    });
    this.yank = new Yank(socketMonitors, migration, host);
    this.display = options.display() ? new Display() : null;
    this.blocks = new BlockDevices(options.blockdevs(), io);
    this.dump = new GuestDump(events.dump(), mainLoop, io, new GuestDump.Guest() {
      @Override
      public boolean stopForDump() {
        if (state != RunState.RUNNING) {
          return false;
        }
        state = RunState.SAVE_VM;
        Machine.this.events.stop();
        return true;
      }

      @Override
      public void resumeAfterDump() {
        if (state == RunState.SAVE_VM) {
          state = RunState.RUNNING;
          Machine.this.events.resume();
        }
      }
    });
  }

  /**
   * Starts what the command line asks for beyond the machine itself: the incoming migration. The
   * message of the exception is QEMU's.
   */
  public void start() {
    if (options.incoming() != null) {
      migration.startIncoming(options.incoming());
    }
  }

  /** The incoming migration let the guest run here: QEMU's autostart (none with {@code -S}). */
  private void startAfterIncoming() {
    if (state != RunState.INMIGRATE) {
      return;
    }
    if (options.startPaused()) {
      state = RunState.PAUSED;
      return;
    }
    state = RunState.RUNNING;
    events.resume();
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

  /**
   * The simulated guest sets its real-time clock {@code offset} seconds away from the base clock
   * (UTC), as QEMU's {@code mc146818rtc} sees a guest write its registers: {@code RTC_CHANGE}, rate
   * limited to one a second. On the main loop (in QEMU, a vCPU holding the big lock).
   */
  public void guestSetsRtc(long offset) {
    miscEvents.rtcChange(offset, RTC_QOM_PATH);
  }

  @Override
  public void xExitPreconfig() {
    if (!host.preconfig()) {
      throw new QmpError("The command is permitted only before machine initialization");
    }
    host.exitPreconfig();
    if (!options.startPaused()) {
      state = RunState.RUNNING;
      events.resume();
    }
  }

  @Override
  public void migrateSetCapabilities(List<MigrationCapabilityStatus> capabilities) {
    migration.setCapabilities(capabilities);
  }

  @Override
  public List<MigrationCapabilityStatus> queryMigrateCapabilities() {
    return migration.capabilities();
  }

  @Override
  public void migratePause() {
    migration.pause();
  }

  @Override
  public void migrateRecover(String uri) {
    migration.recover(uri);
  }

  @Override
  public void yank(List<YankInstance> instances) {
    yank.yank(instances);
  }

  @Override
  public List<YankInstance> queryYank() {
    return yank.query();
  }

  /**
   * QEMU's {@code qmp_screendump()}: the console is found, the display asked for a fresh frame
   * (the coroutine waits for it, the main loop goes on), and the file written (waited for too).
   */
  @Override
  public void screendump(String filename, String device, Long head, ImageFormat format) {
    if (device != null) {
      throw new QmpError(ErrorClass.DeviceNotFound, "Device '" + device + "' not found"); // no device has an id
    }
    if (head != null) {
      throw new QmpError("'head' must be specified together with 'device'");
    }
    if (display == null) {
      throw new QmpError("There is no console to take a screendump from");
    }
    Display.Frame frame = Coroutine.await(display.update());
    boolean png = format == ImageFormat.PNG;
    Coroutine.await(java.util.concurrent.CompletableFuture.runAsync(() -> Display.write(frame, filename, png), io));
  }

  @Override
  public void blockResize(String device, String nodeName, long size) {
    blocks.resize(device, nodeName, size);
  }

  @Override
  public CompletionStage<Void> dumpGuestMemory(
      boolean paging, String protocol, Boolean detach, Long begin, Long length, DumpGuestMemoryFormat format) {
    return dump.dump(state == RunState.INMIGRATE, protocol, Boolean.TRUE.equals(detach), begin, length, format, paging);
  }

  @Override
  public DumpQueryResult queryDump() {
    return dump.query();
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
