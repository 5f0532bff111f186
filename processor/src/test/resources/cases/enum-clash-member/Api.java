// Under memberNameExceptions 'one_two' is a valid value, but it and 'one-two' give one C name.
package cases.enums.clash.member;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema(value = "enum-clash-member", memberNameExceptions = "MyEnum")
public interface Api {
  enum MyEnum {
    @Name("one_two") ONE,
    ONE_TWO
  }

  @Command
  void use(MyEnum e);
}
