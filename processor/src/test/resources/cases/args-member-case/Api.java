// Argument names use no uppercase and no '_'.
package cases.args.member.kase;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema("args-member-case")
public interface Api {
  @Command
  void noWayThisWillGetThrough(@Name("Arg") String arg, @Name("node_name") String nodeName);
}
