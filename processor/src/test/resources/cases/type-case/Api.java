// Type names use CamelCase: not all upper case, no '_', not one letter (derived names too).
package cases.type.kase;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema("type-case")
public interface Api {
  record URL(String s) {}

  @Name("Foo_Bar")
  record FooBar(long x) {}

  record A(long x) {}

  enum E { ONE }

  @Command
  void use(URL url, FooBar fooBar, A a, E e);
}
