// A boxed command's argument is one object, not an array.
package cases.bad.data;

import java.util.List;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("bad-data")
public interface Api {
  record Arg(long x) {}

  @Command(boxed = true)
  void oops(List<Arg> args);
}
