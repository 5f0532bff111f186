// Under memberNameExceptions 'a_b' is a valid name, but it and 'a-b' give one C name.
package cases.struct.member.name.clash;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema(value = "struct-member-name-clash", memberNameExceptions = "Oops")
public interface Api {
  record Oops(@Name("a_b") String x, String aB) {}

  @Command
  void use(Oops oops);
}
