// Two structs that are each other's base: one cycle, one error.
package cases.base.cycle.indirect;

import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("base-cycle-indirect")
public interface Api {
  record Base1(@Base Base2 base, long one) {}

  record Base2(@Base Base1 base, long two) {}

  @Command
  void use(Base1 b);
}
