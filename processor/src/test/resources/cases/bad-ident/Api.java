// A type name is not a member name: '*' does not mark anything optional there.
package cases.bad.ident;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema("bad-ident")
public interface Api {
  @Name("*oops")
  record Oops(long x) {}

  @Command
  void use(Oops oops);
}
