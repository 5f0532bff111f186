// Java form: @Type needs a Java type that holds every value of the QAPI type.
package cases.type.too.narrow;

import java.util.List;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Type;

@Schema("type-too-narrow")
public interface Api {
  @Command
  void set(@Type("uint32") int a, @Type("uint8") List<Integer> b, @Type("float") long c);
}
