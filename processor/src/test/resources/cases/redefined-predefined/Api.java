// QType is predefined: a schema may use it (org.qapi4j.runtime.QType) but not define its own.
package cases.redefined.predefined;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Type;

@Schema("redefined-predefined")
public interface Api {
  record QType(@Type("size") long myint) {}

  @Command
  void use(QType q, org.qapi4j.runtime.QType t);
}
