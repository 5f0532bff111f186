// A base must be a struct, not an enum.
package cases.bad.base;

import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("bad-base")
public interface Api {
  enum Kind { ONE, TWO }

  record MyType(@Base Kind kind, String name) {}

  @Command
  MyType get();
}
