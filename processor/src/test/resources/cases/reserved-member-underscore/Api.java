// A member name must start with a letter.
package cases.reserved.member.underscore;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema("reserved-member-underscore")
public interface Api {
  record Oops(@Name("_oops") long oops, @Name("1a") long a) {}

  @Command
  void use(Oops oops);
}
