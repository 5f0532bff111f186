// Java form: @Base marks the first component only, since the base's members come first.
package cases.base.not.first;

import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("base-not-first")
public interface Api {
  record Base1(String name) {}

  record Sub(long id, @Base Base1 base) {}

  @Command
  Sub get();
}
