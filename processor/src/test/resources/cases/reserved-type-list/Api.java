// A type name must not end in 'List': QAPI reserves it for array types.
package cases.reserved.type.list;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema("reserved-type-list")
public interface Api {
  record FooList(long x) {}

  @Name("BarList")
  enum Bar { ONE }

  @Command
  void use(FooList foo, Bar bar);
}
