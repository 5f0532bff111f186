// Beyond QEMU 7.2 (which misses it): a feature twice on one enum value.
package cases.features.duplicate.enums.value;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.Schema;

@Schema("features-duplicate-enum-value")
public interface Api {
  enum Color {
    @Feature("unstable") @Feature("unstable") RED,
    BLUE
  }

  @Command
  void use(Color c);
}
