// Enum values use no uppercase and no '_', unless the enum is in memberNameExceptions.
package cases.enums.member.kase;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema(value = "enum-member-case", memberNameExceptions = "UuidInfo")
public interface Api {
  enum UuidInfo { @Name("Value") VALUE }

  enum NoWayThisWillGetThrough {
    VALUE,
    @Name("Value") VALUE2
  }

  @Command
  void use(UuidInfo a, NoWayThisWillGetThrough b);
}
