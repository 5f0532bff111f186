// Feature names follow the member rules; memberNameExceptions never lifts them.
package cases.features.name.kase;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.Schema;

@Schema(value = "features-name-case", memberNameExceptions = "Foo")
public interface Api {
  @Feature("Foo")
  record Foo(long x) {}

  @Feature("allow_write")
  @Command
  void use(Foo foo, @Feature("") long y);
}
