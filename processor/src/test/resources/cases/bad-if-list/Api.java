// A condition symbol is an identifier in upper case, wherever it sits.
package cases.bad.iff.list;

import org.qapi4j.annotations.Alternate;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Schema;

@Schema("bad-if-list")
public interface Api {
  @If(all = {"CONFIG_A", "foo"})
  record TestIfStruct(@If("config_x") long member) {}

  enum TestIfEnum { @If("not(bar)") ONE, TWO }

  @Alternate
  sealed interface Alt {
    @If(" ")
    record Branch(boolean value) implements Alt {}

    record Other(Long value) implements Alt {}
  }

  @Feature(value = "f", condition = "any(A, 1B)")
  @If("CONFIG_OK")
  @Command
  void use(TestIfStruct s, TestIfEnum e, Alt a);
}
