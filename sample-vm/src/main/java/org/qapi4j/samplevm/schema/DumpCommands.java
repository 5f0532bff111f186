package org.qapi4j.samplevm.schema;

import java.util.concurrent.CompletionStage;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Optional;

/**
 * From QEMU's {@code qapi/dump.json}. {@code dump-guest-memory} is an asynchronous command here:
 * QEMU blocks its main loop until the dump is written (unless {@code detach}); the sample VM
 * writes it on a thread of its own and replies when it is done, serving everything else meanwhile.
 */
public interface DumpCommands {
  /** The formats of a dump. */
  enum DumpGuestMemoryFormat {
    ELF,
    KDUMP_ZLIB,
    KDUMP_LZO,
    KDUMP_SNAPPY,
    WIN_DMP
  }

  /** The states of a dump. */
  enum DumpStatus {
    NONE,
    ACTIVE,
    COMPLETED,
    FAILED
  }

  /** The progress of a dump, in bytes. */
  record DumpQueryResult(DumpStatus status, long completed, long total) {}

  /**
   * Writes the guest's memory (or {@code [begin, begin + length)} of it) to {@code protocol}
   * ({@code file:PATH}) as an ELF core; {@code DUMP_COMPLETED} tells the outcome.
   */
  @Command
  CompletionStage<Void> dumpGuestMemory(
      boolean paging,
      String protocol,
      @Optional Boolean detach,
      @Optional Long begin,
      @Optional Long length,
      @Optional DumpGuestMemoryFormat format);

  /** The progress of the last dump. */
  @Command
  DumpQueryResult queryDump();
}
