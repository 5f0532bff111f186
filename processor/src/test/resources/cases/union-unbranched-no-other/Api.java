// Beyond QEMU's own form: a union whose discriminator has values without a branch (QEMU's empty
// branches) needs a variant record of the base alone to hold them in Java.
package cases.union.unbranched.no.other;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("union-unbranched-no-other")
public interface Api {
  enum Kind { DISK, NET, USB, PCI }

  record Base(Kind kind, String id) {}

  record DiskOptions(String file) {}

  @Union(discriminator = "kind")
  sealed interface Device {
    record Disk(Base base, DiskOptions options) implements Device {}
  }

  @Command
  void add(Device device);
}
