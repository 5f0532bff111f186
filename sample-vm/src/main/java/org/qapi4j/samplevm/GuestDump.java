package org.qapi4j.samplevm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.qapi4j.runtime.QmpError;
import org.qapi4j.samplevm.schema.DumpCommands.DumpGuestMemoryFormat;
import org.qapi4j.samplevm.schema.DumpCommands.DumpQueryResult;
import org.qapi4j.samplevm.schema.DumpCommands.DumpStatus;
import org.qapi4j.samplevm.schema.DumpEvents;

/**
 * {@code dump-guest-memory}, asynchronous: the checks and the file's creation happen in the
 * command, on the main loop, with QEMU's texts; the guest's memory is then written as an ELF core
 * file by a thread of its own, and the command's stage completes (after {@code DUMP_COMPLETED} and
 * {@code RESUME}, QEMU's order) when it is done. Meanwhile the main loop serves everyone else —
 * QEMU's would be blocked. A client that disconnects cancels its dump: the thread stops, the dump
 * fails.
 *
 * <p>The simulated RAM is {@link Machine#RAM_SIZE} bytes at guest physical address 0; each 4 KiB
 * page holds its own address in its first 8 bytes (little endian), zeroes after.
 */
final class GuestDump {
  /** What the dump does to the machine: QEMU stops a running guest while it dumps. */
  interface Guest {
    /** Stops the guest if it runs ({@code STOP}); true if it did. On the main loop. */
    boolean stopForDump();

    /** Runs the guest again ({@code RESUME}). On the main loop. */
    void resumeAfterDump();
  }

  private static final int PAGE = 4096;
  private static final int CHUNK = 1 << 20;
  private static final int ELF_HEADER = 64;
  private static final int PROGRAM_HEADER = 56;

  private final DumpEvents events;
  private final Executor mainLoop;
  private final Executor io;
  private final Guest guest;

  private volatile DumpStatus status = DumpStatus.NONE;
  private volatile long completed;
  private volatile long total;
  private volatile boolean cancelled;

  GuestDump(DumpEvents events, Executor mainLoop, Executor io, Guest guest) {
    this.events = events;
    this.mainLoop = mainLoop;
    this.io = io;
    this.guest = guest;
  }

  DumpQueryResult query() {
    return new DumpQueryResult(status, completed, total);
  }

  /** QEMU's {@code qmp_dump_guest_memory()}, its checks in QEMU's order; on the main loop. */
  CompletionStage<Void> dump(
      boolean incoming, String protocol, boolean detach, Long begin, Long length, DumpGuestMemoryFormat format,
      boolean paging) {
    if (incoming) {
      throw new QmpError("Dump not allowed during incoming migration.");
    }
    if (status == DumpStatus.ACTIVE) {
      throw new QmpError("There is a dump in process, please wait.");
    }
    if (begin != null && length == null) {
      throw new QmpError("Parameter 'length' is missing");
    }
    if (begin == null && length != null) {
      throw new QmpError("Parameter 'begin' is missing");
    }
    if (format != null && format != DumpGuestMemoryFormat.ELF) {
      if (paging || begin != null) {
        throw new QmpError("kdump-compressed format doesn't support paging or filter");
      }
      throw new QmpError("The sample VM writes ELF dumps only"); // not QEMU's: it has the others
    }
    FileChannel file = open(protocol);
    boolean resume = guest.stopForDump();
    long start = begin == null ? 0 : begin;
    long end;
    if (length != null && length == 0) {
      return failEarly(file, resume, "Invalid parameter 'length'");
    }
    if (length == null || Long.compareUnsigned(length, -1L - start) > 0) {
      end = -1L; // to the end of the address space (QEMU's unsigned arithmetic)
    } else {
      end = start + length;
    }
    long from = start;
    long to = Long.compareUnsigned(end, Machine.RAM_SIZE) < 0 ? end : Machine.RAM_SIZE;
    if (Long.compareUnsigned(from, to) >= 0) {
      return failEarly(file, resume, "dump: no guest memory to dump");
    }
    status = DumpStatus.ACTIVE;
    completed = 0;
    total = to - from;
    cancelled = false;
    CompletableFuture<Void> done = new CompletableFuture<>();
    done.whenComplete((v, e) -> {
      if (done.isCancelled()) {
        cancelled = true; // the client went away: the writing thread stops
      }
    });
    io.execute(() -> write(file, from, to, resume, detach ? null : done));
    if (detach) {
      done.complete(null); // the reply now; DUMP_COMPLETED tells the end
    }
    return done;
  }

  private CompletionStage<Void> failEarly(FileChannel file, boolean resume, String error) {
    close(file);
    if (resume) {
      guest.resumeAfterDump();
    }
    throw new QmpError(error);
  }

  /** {@code file:PATH} (created read-only for its owner, as QEMU does) or {@code fd:NAME}. */
  private static FileChannel open(String protocol) {
    if (protocol.startsWith("fd:")) {
      throw new QmpError("File descriptor named '" + protocol.substring(3) + "' has not been found");
    }
    if (!protocol.startsWith("file:")) {
      throw new QmpError("Invalid parameter 'protocol'");
    }
    String path = protocol.substring("file:".length());
    try {
      return FileChannel.open(Path.of(path),
          Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r--------")));
    } catch (IOException e) {
      throw new QmpError("Could not open '" + path + "': " + Errno.text(e));
    } catch (InvalidPathException e) {
      throw new QmpError("Could not open '" + path + "': Invalid argument");
    }
  }

  /** On the dump thread: the ELF header, one program header, the memory. */
  private void write(FileChannel file, long from, long to, boolean resume, CompletableFuture<Void> waiting) {
    String error = null;
    try (file) {
      ByteBuffer header = ByteBuffer.allocate(ELF_HEADER + PROGRAM_HEADER).order(ByteOrder.LITTLE_ENDIAN);
      header.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
      header.putShort((short) 4); // ET_CORE
      header.putShort((short) 62); // EM_X86_64
      header.putInt(1); // EV_CURRENT
      header.putLong(0); // e_entry
      header.putLong(ELF_HEADER); // e_phoff
      header.putLong(0); // e_shoff
      header.putInt(0); // e_flags
      header.putShort((short) ELF_HEADER);
      header.putShort((short) PROGRAM_HEADER);
      header.putShort((short) 1); // e_phnum
      header.putShort((short) 0); // e_shentsize
      header.putShort((short) 0); // e_shnum
      header.putShort((short) 0); // e_shstrndx
      header.putInt(1); // PT_LOAD
      header.putInt(0); // p_flags
      header.putLong(ELF_HEADER + PROGRAM_HEADER); // p_offset
      header.putLong(from); // p_vaddr
      header.putLong(from); // p_paddr
      header.putLong(to - from); // p_filesz
      header.putLong(to - from); // p_memsz
      header.putLong(0); // p_align
      header.flip();
      writeFully(file, header);
      ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
      for (long at = from; at < to && !cancelled; ) {
        int n = (int) Math.min(CHUNK, to - at);
        chunk.clear();
        java.util.Arrays.fill(chunk.array(), 0, n, (byte) 0);
        for (long page = (at + PAGE - 1) / PAGE * PAGE; page + 8 <= at + n; page += PAGE) {
          chunk.putLong((int) (page - at), page);
        }
        chunk.position(0).limit(n);
        writeFully(file, chunk);
        at += n;
        completed = at - from;
      }
      if (cancelled) {
        error = "dump cancelled: the client that asked for it disconnected";
      }
    } catch (IOException e) {
      error = "dump: failed to save memory: " + Errno.text(e);
    }
    String failure = error;
    mainLoop.execute(() -> finish(failure, resume, waiting));
  }

  private static void writeFully(FileChannel file, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      file.write(bytes);
    }
  }

  /** On the main loop: {@code DUMP_COMPLETED}, {@code RESUME}, then the reply. */
  private void finish(String error, boolean resume, CompletableFuture<Void> waiting) {
    status = error == null ? DumpStatus.COMPLETED : DumpStatus.FAILED;
    events.dumpCompleted(query(), error);
    if (resume) {
      guest.resumeAfterDump();
    }
    if (waiting != null) {
      if (error == null) {
        waiting.complete(null);
      } else {
        waiting.completeExceptionally(new QmpError(error));
      }
    }
  }

  private static void close(FileChannel file) {
    try {
      file.close();
    } catch (IOException e) {
      // nothing was written
    }
  }
}
