package org.example.vm;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;

@Schema(value = "example", events = VmEvents.class)
public interface VmCommands {
  /** Returns the run state of the virtual machine. */
  @Command(allowPreconfig = true)
  StatusInfo queryStatus();

  /** Asks the guest's balloon driver to change its size to {@code value} bytes. */
  @Command
  void balloon(long value);

  /** Writes the screen to a file; coroutine, so the main loop goes on while it writes. */
  @Command(coroutine = true)
  void screendump(String filename, @Optional String device);
}
