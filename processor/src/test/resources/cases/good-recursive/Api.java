// Valid: a struct member of the struct's own type (QEMU accepts it: C uses a pointer, Java a
// reference), directly and through a list.
package cases.good.recursive;

import java.util.List;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;

@Schema("good-recursive")
public interface Api {
  record Node(String name, @Optional Node next, List<Node> children) {}

  @Command
  Node queryTree(@Optional Node hint);
}
