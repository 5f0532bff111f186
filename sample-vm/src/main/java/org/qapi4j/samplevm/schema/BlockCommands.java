package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Optional;

/** From QEMU's {@code qapi/block-core.json}. */
public interface BlockCommands {
  /**
   * Resizes a block device (by {@code device}, a block backend, or {@code node-name}). A coroutine
   * command: it waits for the image to be truncated without blocking the main loop.
   */
  @Command(name = "block_resize", coroutine = true, allowPreconfig = true)
  void blockResize(@Optional String device, @Optional String nodeName, long size);
}
