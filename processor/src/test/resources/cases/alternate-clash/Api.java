// Branch names that would clash once mangled: the naming rule fires first, and no clash follows.
package cases.alternate.clash;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema(value = "alternate-clash", memberNameExceptions = "Alt1")
public interface Api {
  @Alternate
  sealed interface Alt1 {
    @Name("a-b")
    record Dash(String value) implements Alt1 {}

    @Name("a_b")
    record Underscore(long value) implements Alt1 {}
  }

  @Command
  void use(Alt1 alt);
}
