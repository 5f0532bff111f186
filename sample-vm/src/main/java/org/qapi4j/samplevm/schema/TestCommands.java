package org.qapi4j.samplevm.schema;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.Schema;

/**
 * Commands for tests only, not QEMU's: served when the sample VM is started with
 * {@code -test-commands}, and absent from {@code query-qmp-schema} (a schema of their own). They
 * let a test hold the main loop still, so that what happens meanwhile — out-of-band commands,
 * flow control — is shown without sleeps, and make the simulated guest do what a test needs.
 */
@Schema("sample-vm-test")
public interface TestCommands {
  /** Blocks the main loop until {@code x-test-release-main-loop} releases it. */
  @Command
  @Feature("unstable")
  void xTestBlockMainLoop();

  /**
   * Releases one {@code x-test-block-main-loop}, now or, if none is blocked yet, the next one.
   * Out-of-band capable, since the main loop is blocked.
   */
  @Command(allowOob = true)
  @Feature("unstable")
  void xTestReleaseMainLoop();

  /**
   * The guest sets its real-time clock {@code offset} seconds away from the base clock (UTC), as
   * a guest OS writes the RTC's registers; the machine sends {@code RTC_CHANGE} (at most one a
   * second).
   */
  @Command
  @Feature("unstable")
  void xTestSetRtc(long offset);

  /**
   * {@code x-test-set-rtc} without a reply on success ({@code 'success-response': false}, as the
   * guest agent's {@code guest-shutdown}): its {@code RTC_CHANGE} shows that it ran.
   */
  @Command(successResponse = false)
  @Feature("unstable")
  void xTestSetRtcSilently(long offset);
}
