// A command's 'data' names a union only when boxed: data = Uni.class declares members one by one.
package cases.args.union;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Union;

@Schema("args-union")
public interface Api {
  enum Kind { CASE1, CASE2 }

  record Base(Kind type) {}

  record Data1(long data) {}

  record Data2(String data) {}

  @Union(discriminator = "type")
  sealed interface Uni {
    record Case1(Base base, Data1 data) implements Uni {}

    record Case2(Base base, Data2 data) implements Uni {}
  }

  @Command(data = Uni.class)
  void oops();
}
