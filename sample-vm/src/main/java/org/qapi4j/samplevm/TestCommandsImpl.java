package org.qapi4j.samplevm;

import java.util.concurrent.Semaphore;
import org.qapi4j.samplevm.schema.TestCommands;

/** The test-only commands ({@code -test-commands}): a main loop held still until released. */
final class TestCommandsImpl implements TestCommands {
  private final Semaphore releases = new Semaphore(0);

  @Override
  public void xTestBlockMainLoop() {
    releases.acquireUninterruptibly();
  }

  @Override
  public void xTestReleaseMainLoop() {
    releases.release();
  }
}
