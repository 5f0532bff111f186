package org.qapi4j.samplevm.schema;

import java.util.List;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Union;

/**
 * From QEMU's {@code qapi/yank.json}: recovering from a stuck network connection by shutting it
 * down, out of band.
 */
public interface YankCommands {
  /** The kinds of yankable instances. */
  enum YankInstanceType {
    BLOCK_NODE,
    CHARDEV,
    MIGRATION
  }

  /** An NBD block node. */
  record YankInstanceBlockNode(String nodeName) {}

  /** A socket character device (the QMP monitors' are {@code compat_monitorN}). */
  record YankInstanceChardev(String id) {}

  /** QEMU's inline base of YankInstance. */
  record YankInstanceBase(YankInstanceType type) {}

  /** Something that can be yanked. */
  @Union(discriminator = "type")
  sealed interface YankInstance {
    record BlockNode(YankInstanceBase base, YankInstanceBlockNode data) implements YankInstance {}

    record Chardev(YankInstanceBase base, YankInstanceChardev data) implements YankInstance {}

    record Migration(YankInstanceBase base) implements YankInstance {}
  }

  /**
   * Shuts down the connections of every instance listed; if one is not found
   * ({@code DeviceNotFound}), none is yanked.
   */
  @Command(allowOob = true)
  void yank(List<YankInstance> instances);

  /** Lists the instances that can be yanked. */
  @Command(allowOob = true)
  List<YankInstance> queryYank();
}
