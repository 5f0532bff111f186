package org.example.golden;

import java.util.List;
import org.qapi4j.annotations.Command;

/**
 * The commands of QAPI module {@code sub/block-core.json}.
 */
public interface BlockCoreCommands {
  /**
   * <p>Returns: the block devices
   */
  @Command
  List<BlockInfo> queryBlock();
}
