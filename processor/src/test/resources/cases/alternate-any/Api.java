// An alternate branch of type any could be anything: no JSON type picks it.
package cases.alternate.any;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.runtime.json.JsonValue;

@Schema("alternate-any")
public interface Api {
  @Alternate
  sealed interface Alt {
    record One(JsonValue value) implements Alt {}

    record Two(long value) implements Alt {}
  }

  @Command
  void use(Alt a);
}
