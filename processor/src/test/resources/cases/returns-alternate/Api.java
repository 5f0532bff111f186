// An alternate is not an object type: no command returns one (outside commandReturnsExceptions).
package cases.returns.alternate;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("returns-alternate")
public interface Api {
  @Alternate
  sealed interface Alt {
    record N(long value) implements Alt {}

    record B(boolean value) implements Alt {}
  }

  @Command
  Alt oops();
}
