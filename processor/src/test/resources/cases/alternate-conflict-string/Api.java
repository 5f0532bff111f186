// A str branch cannot be told apart from another string branch.
package cases.alternate.conflict.string;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("alternate-conflict-string")
public interface Api {
  enum Color { RED, BLUE }

  @Alternate
  sealed interface Alt1 {
    record One(String value) implements Alt1 {}

    record Two(Color value) implements Alt1 {}
  }

  @Command
  void set(Alt1 alt);
}
