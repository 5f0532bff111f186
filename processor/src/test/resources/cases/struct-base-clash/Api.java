// A member with the name of a member of the base.
package cases.struct.base.clash;

import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("struct-base-clash")
public interface Api {
  record Base1(String name) {}

  record Sub(@Base Base1 base,
      String name) {}

  @Command
  Sub get();
}
