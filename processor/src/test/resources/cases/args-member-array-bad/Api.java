// QAPI has no arrays of arrays: nest through a record instead.
package cases.args.member.array.bad;

import java.util.List;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("args-member-array-bad")
public interface Api {
  record Matrix(List<List<Long>> rows) {}

  @Command
  List<List<Matrix>> oops(List<List<String>> member, Matrix m);
}
