// Two object branches (struct or union) cannot be told apart by their JSON type.
package cases.alternate.conflict.dict;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("alternate-conflict-dict")
public interface Api {
  record One(String name) {}

  record Two(long value) {}

  @Alternate
  sealed interface Alt {
    record First(One value) implements Alt {}

    record Second(Two value) implements Alt {}
  }

  @Command
  void use(Alt a);
}
