// A feature twice on one definition (a condition does not make the second another feature).
package cases.features.duplicate.name;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.Schema;

@Schema("features-duplicate-name")
public interface Api {
  @Feature("foo")
  @Feature("bar")
  @Feature(value = "foo", condition = "CONFIG_FOO")
  @Command
  void stuff();

  @Command
  void member(@Feature("x") @Feature("x") long x);

  @Deprecated
  @Feature("deprecated")
  @Command
  void old();
}
