package org.qapi4j.samplevm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.qapi4j.runtime.EventSink;
import org.qapi4j.runtime.QmpEndpoint;
import org.qapi4j.runtime.server.QmpServer;
import org.qapi4j.samplevm.schema.DumpEvents_Emitter;
import org.qapi4j.samplevm.schema.MachineEvents_Emitter;
import org.qapi4j.samplevm.schema.MigrationEvents_Emitter;
import org.qapi4j.samplevm.schema.MiscEvents_Emitter;
import org.qapi4j.samplevm.schema.RunStateEvents_Emitter;
import org.qapi4j.samplevm.schema.SampleVmSchema_Dispatch;
import org.qapi4j.samplevm.schema.TestCommands_Dispatch;

/**
 * {@code java -jar sample-vm.jar -qmp unix:/tmp/vm.sock,server=on,wait=off}: starts the simulated
 * machine with its QMP monitors, and runs until {@code quit}, a guest shutdown or a signal.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    for (String arg : args) {
      switch (arg) {
        case "-h", "-help", "--help" -> {
          System.out.print(Options.USAGE);
          return;
        }
        case "-version", "--version" -> {
          System.out.println("QEMU emulator version 7.2.0 (" + Options.PACKAGE + ")");
          return;
        }
        default -> {}
      }
    }
    Options options;
    try {
      options = Options.parse(args);
      if (options.qmp().isEmpty()) {
        throw new Options.UsageException("no -qmp monitor given: nothing would talk to the machine");
      }
    } catch (Options.UsageException e) {
      System.err.println("sample-vm: " + e.getMessage());
      System.err.print(Options.USAGE);
      System.exit(1);
      return;
    }

    CountDownLatch exitRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean signalled = new AtomicBoolean();
    AtomicReference<QmpServer> server = new AtomicReference<>();
    EventSink events = event -> server.get().events().emit(event);
    // QEMU names the chardev of the Nth -qmp compat_monitorN; the server counts socket endpoints.
    List<QmpEndpoint> endpoints = new ArrayList<>();
    List<Integer> socketMonitors = new ArrayList<>();
    try {
      for (String spec : options.qmp()) {
        QmpEndpoint e = QmpEndpoint.parse(spec);
        if (e.kind() != QmpEndpoint.Kind.STDIO) {
          socketMonitors.add(endpoints.size());
        }
        endpoints.add(e);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("sample-vm: -qmp: " + e.getMessage());
      System.exit(1);
      return;
    }
    Host host = new Host() {
      @Override
      public boolean preconfig() {
        return server.get().preconfig();
      }

      @Override
      public void exitPreconfig() {
        server.get().exitPreconfig();
      }

      @Override
      public void disconnectMonitor(int monitor) {
        server.get().disconnect(socketMonitors.indexOf(monitor));
      }
    };
    Machine machine =
        new Machine(
            options,
            new Machine.Events(
                new RunStateEvents_Emitter(events),
                new MachineEvents_Emitter(events),
                new MiscEvents_Emitter(events),
                new MigrationEvents_Emitter(events),
                new DumpEvents_Emitter(events)),
            task -> server.get().mainLoop().execute(task),
            host,
            socketMonitors,
            exitRequested::countDown);

    QmpServer.Builder builder =
        QmpServer.builder()
            .version(7, 2, 0, Options.PACKAGE)
            .compat(options.compat())
            .commands(new SampleVmSchema_Dispatch(machine))
            .preconfig(options.preconfig());
    if (options.testCommands()) {
      builder.commands(new TestCommands_Dispatch(new TestCommandsImpl(machine)));
    }
    endpoints.forEach(builder::endpoint);
    try {
      server.set(builder.build());
    } catch (IllegalArgumentException e) {
      System.err.println("sample-vm: -qmp: " + e.getMessage());
      System.exit(1);
      return;
    }
    try {
      machine.start(); // before the monitors accept clients: they find the migration listening
    } catch (org.qapi4j.runtime.QmpError e) {
      System.err.println("sample-vm: -incoming " + options.incoming() + ": " + e.desc());
      System.exit(1);
      return;
    }
    try {
      server.get().start();
    } catch (java.io.UncheckedIOException e) {
      System.err.println("sample-vm: -qmp: " + e.getMessage());
      System.exit(1);
      return;
    }

    // SIGTERM, SIGINT, SIGHUP: QEMU sends SHUTDOWN (reason host-signal), then exits.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (exitRequested.getCount() > 0) {
                    signalled.set(true);
                    server.get().mainLoop().execute(machine::killed);
                  }
                  try {
                    stopped.await(5, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  if (signalled.get()) {
                    Runtime.getRuntime().halt(0); // QEMU exits with 0 on a signal; the JVM would say 143
                  }
                },
                "sample-vm-signal"));

    exitRequested.await();
    server.get().shutdown();
    server.get().awaitTermination();
    stopped.countDown();
    if (!signalled.get()) {
      System.exit(0);
    }
  }
}
