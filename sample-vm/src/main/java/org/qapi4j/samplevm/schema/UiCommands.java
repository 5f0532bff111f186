package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Optional;

/** From QEMU's {@code qapi/ui.json}. */
public interface UiCommands {
  /** The image formats of {@code screendump}. */
  enum ImageFormat {
    PPM,
    PNG
  }

  /**
   * Writes the screen to a file. A coroutine command: it waits for the display to draw a fresh
   * frame without blocking the main loop.
   */
  @Command(coroutine = true)
  void screendump(String filename, @Optional String device, @Optional Long head, @Optional ImageFormat format);
}
