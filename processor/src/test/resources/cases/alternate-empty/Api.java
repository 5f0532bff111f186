// An alternate is a sealed interface whose permitted records are its branches; it needs some.
package cases.alternate.empty;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("alternate-empty")
public interface Api {
  @Alternate
  interface Alt {}

  @Command
  void use(Alt a);
}
