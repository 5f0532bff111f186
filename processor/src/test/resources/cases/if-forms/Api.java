// @If takes exactly one of value, all, any and not; each string is a condition in the text form.
package cases.iff.forms;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Schema;

@Schema("if-forms")
public interface Api {
  @If(all = {"A", "not(B)"})
  record Good(@If(any = {"C", "all(D, E)"}) long x, @If(not = "F") long y) {}

  @If
  record Empty(long x) {}

  @If(value = "A", not = "B")
  record Two(long x) {}

  @If(all = {"A", "not(B"})
  record Malformed(long x) {}

  @Command
  void use(Good g, Empty e, Two t, Malformed m);
}
