// Two records with one simple name, in two interfaces: one QAPI name, defined twice.
package cases.redefined.type;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("redefined-type")
public interface Api {
  interface First {
    record Foo(long one) {}
  }

  interface Second {
    enum Foo { ONE }
  }

  @Command
  void use(First.Foo a, Second.Foo b);
}
