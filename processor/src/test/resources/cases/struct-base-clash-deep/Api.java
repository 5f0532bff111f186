// A member clashing with a member of its base's base.
package cases.struct.base.clash.deep;

import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("struct-base-clash-deep")
public interface Api {
  record Base1(String name) {}

  record Mid(@Base Base1 base, long value) {}

  record Sub(@Base Mid base, String name) {}

  @Command
  void use(Sub sub);
}
