package org.qapi4j.runtime.client;

import java.util.List;
import java.util.Objects;

/**
 * The server's greeting: {@code {"QMP": {"version": {"qemu": {"micro": M, "minor": m, "major":
 * J}, "package": P}, "capabilities": [...]}}}.
 *
 * @param pkg the {@code package} string (Debian's QEMU: {@code "Debian 1:7.2+dfsg-7+deb12u7"})
 * @param capabilities what the server offers, e.g. {@code ["oob"]}
 * @param text the greeting as received
 */
public record Greeting(int major, int minor, int micro, String pkg, List<String> capabilities, String text) {
  public Greeting {
    Objects.requireNonNull(pkg, "pkg");
    capabilities = List.copyOf(capabilities);
  }

  /** Whether the server offers out-of-band execution. */
  public boolean offersOob() {
    return capabilities.contains("oob");
  }

  /** {@code "7.2.0"}. */
  public String version() {
    return major + "." + minor + "." + micro;
  }
}
