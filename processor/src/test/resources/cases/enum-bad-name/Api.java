// An enum value must be a valid name (letters, digits, '-'; a value may start with a digit).
package cases.enums.bad.name;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema("enum-bad-name")
public interface Api {
  enum MyEnum { @Name("not\\possible") NOT_POSSIBLE, @Name("") EMPTY }

  @Command
  void use(MyEnum e);
}
