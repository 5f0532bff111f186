package org.qapi4j.samplevm;

import java.util.ArrayList;
import java.util.List;
import org.qapi4j.runtime.ErrorClass;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.samplevm.schema.YankCommands.YankInstance;
import org.qapi4j.samplevm.schema.YankCommands.YankInstanceBase;
import org.qapi4j.samplevm.schema.YankCommands.YankInstanceChardev;
import org.qapi4j.samplevm.schema.YankCommands.YankInstanceType;

/**
 * QEMU's yank registry: the socket monitors' chardevs ({@code compat_monitorN}, N counting every
 * {@code -qmp}), registered at startup, then the incoming migration while it is in progress.
 * Called out of band, on the I/O thread.
 */
final class Yank {
  private final List<Integer> socketMonitors;
  private final Migration migration;
  private final Host host;

  Yank(List<Integer> socketMonitors, Migration migration, Host host) {
    this.socketMonitors = List.copyOf(socketMonitors);
    this.migration = migration;
    this.host = host;
  }

  List<YankInstance> query() {
    List<YankInstance> instances = new ArrayList<>();
    for (int m : socketMonitors) {
      instances.add(new YankInstance.Chardev(new YankInstanceBase(YankInstanceType.CHARDEV),
          new YankInstanceChardev("compat_monitor" + m)));
    }
    if (migration.yankable()) {
      instances.add(new YankInstance.Migration(new YankInstanceBase(YankInstanceType.MIGRATION)));
    }
    return instances;
  }

  /** QEMU's {@code qmp_yank()}: all or nothing. */
  void yank(List<YankInstance> instances) {
    List<YankInstance> known = query();
    for (YankInstance i : instances) {
      if (!known.contains(i)) {
        throw new QmpError(ErrorClass.DeviceNotFound, "Instance not found");
      }
    }
    for (YankInstance i : instances) {
      if (i instanceof YankInstance.Chardev c) {
        host.disconnectMonitor(Integer.parseInt(c.data().id().substring("compat_monitor".length())));
      } else if (i instanceof YankInstance.Migration) {
        migration.yank();
      }
    }
  }
}
