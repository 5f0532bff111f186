package org.qapi4j.samplevm;

import java.util.concurrent.Semaphore;
import org.qapi4j.samplevm.schema.TestCommands;

/**
 * The test-only commands ({@code -test-commands}): a main loop held still until released; the
 * guest's real-time clock set.
 */
final class TestCommandsImpl implements TestCommands {
  private final Semaphore releases = new Semaphore(0);
  private final Machine machine;

  TestCommandsImpl(Machine machine) {
    this.machine = machine;
  }

  @Override
  public void xTestBlockMainLoop() {
    releases.acquireUninterruptibly();
  }

  @Override
  public void xTestReleaseMainLoop() {
    releases.release();
  }

  @Override
  public void xTestSetRtc(long offset) {
    machine.guestSetsRtc(offset);
  }

  @Override
  public void xTestSetRtcSilently(long offset) {
    machine.guestSetsRtc(offset);
  }
}
