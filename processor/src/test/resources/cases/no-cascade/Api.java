// One mistake, one error: names that break a naming rule take no part in the clash and duplicate
// checks they would also fail.
package cases.no.cascade;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema("no-cascade")
public interface Api {
  record Point(@Name("a_b") long x, long aB, @Name("Y") long y, long yy) {}

  enum Color { @Name("dark_blue") DARK, DARK_BLUE }

  @Command(name = "Foo")
  void foo(Point p, Color c);

  @Command(name = "Foo")
  void fooAgain();

  @Command
  void qFoo();

  @Command(name = "q-foo")
  void qFooAgain();
}
