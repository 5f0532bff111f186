// Two list branches cannot be told apart: both are JSON arrays.
package cases.alternate.conflict.lists;

import java.util.List;
import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("alternate-conflict-lists")
public interface Api {
  @Alternate
  sealed interface Alt {
    record One(List<Long> value) implements Alt {}

    record Two(List<String> value) implements Alt {}
  }

  @Command
  void use(Alt a);
}
