package org.qapi4j.samplevm.example;

import java.net.UnixDomainSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.qapi4j.runtime.client.QmpClient;
import org.qapi4j.runtime.client.QmpException;
import org.qapi4j.runtime.client.Subscription;
import org.qapi4j.samplevm.schema.ControlCommands;
import org.qapi4j.samplevm.schema.MiscCommands;
import org.qapi4j.samplevm.schema.RunStateCommands;
import org.qapi4j.samplevm.schema.RunStateEvents;
import org.qapi4j.samplevm.schema.RunStateEvents_Listener;
import org.qapi4j.samplevm.schema.VersionInfo;

/**
 * The complete example of {@code docs/client.md}: connects to a QMP socket (QEMU's or the sample
 * VM's), prints the version and the status, pauses and resumes the machine, printing the events
 * as they come, and shows an error. Run:
 *
 * <pre>
 * qemu-system-x86_64 -M none -nodefaults -display none -qmp unix:/tmp/vm.qmp,server=on,wait=off &amp;
 * java -cp sample-vm/target/sample-vm.jar org.qapi4j.samplevm.example.ClientExample /tmp/vm.qmp
 * </pre>
 */
public final class ClientExample {
  private ClientExample() {}

  public static void main(String[] args) throws Exception {
    try (QmpClient qmp = QmpClient.connect(UnixDomainSocketAddress.of(args[0]), Duration.ofSeconds(5))) {
      VersionInfo version = qmp.commands(ControlCommands.class).queryVersion();
      System.out.println("connected to " + version.qemu().major() + "." + version.qemu().minor() + "."
          + version.qemu().micro() + (qmp.oobEnabled() ? ", out-of-band enabled" : ""));
      System.out.println("status: " + qmp.commands(RunStateCommands.class).queryStatus().status());

      BlockingQueue<String> events = new LinkedBlockingQueue<>();
      try (Subscription s = qmp.listen(RunStateEvents.class, new RunStateEvents_Listener() {
        @Override
        public void stop() {
          events.add("STOP");
        }

        @Override
        public void resume() {
          events.add("RESUME");
        }
      })) {
        MiscCommands misc = qmp.commands(MiscCommands.class);
        misc.stop();
        System.out.println("event: " + events.poll(5, TimeUnit.SECONDS));
        System.out.println("status: " + qmp.commands(RunStateCommands.class).queryStatus().status());
        misc.cont();
        System.out.println("event: " + events.poll(5, TimeUnit.SECONDS));
      }

      try {
        qmp.execute("device_del", java.util.Map.of("id", "nic0"));
      } catch (QmpException e) {
        System.out.println("device_del: " + e.errorClass() + ": " + e.getMessage());
      }
    }
  }
}
