// A Java type that is no QAPI type: a class, a map, a plain interface, a sealed interface that is
// neither union nor alternate, an array.
package cases.args.member.unknown;

import java.util.Map;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("args-member-unknown")
public interface Api {
  sealed interface Shape {
    record Circle(double r) implements Shape {}
  }

  @Command
  void use(Object o, Map<String, String> m, Runnable r, Shape s, long[] a, char c);
}
