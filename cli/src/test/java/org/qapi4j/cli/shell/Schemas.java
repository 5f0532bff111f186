package org.qapi4j.cli.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.qapi4j.testsupport.Peers;

/** The schemas the shell's tests check and complete against. */
final class Schemas {
  private static ServerSchema sampleVm;
  private static ServerSchema qemu;

  private Schemas() {}

  /** The sample VM's query-qmp-schema reply, as its build generated it. */
  static synchronized ServerSchema sampleVm() throws IOException {
    if (sampleVm == null) {
      try (InputStream in = Schemas.class.getResourceAsStream("/org/qapi4j/samplevm/schema/SampleVmSchema.qmp-schema.json")) {
        sampleVm = ServerSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return sampleVm;
  }

  /** The installed qemu-system-x86_64's reply; skips without it. */
  static synchronized ServerSchema qemu() {
    if (qemu == null) {
      qemu = ServerSchema.parse(Peers.queryQmpSchema());
    }
    return qemu;
  }
}
