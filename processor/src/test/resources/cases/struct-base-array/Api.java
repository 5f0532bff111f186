// A base is one struct, not an array.
package cases.struct.base.array;

import java.util.List;
import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("struct-base-array")
public interface Api {
  record Base1(long x) {}

  record Sub(@Base List<Base1> base, long y) {}

  @Command
  void use(Sub s);
}
