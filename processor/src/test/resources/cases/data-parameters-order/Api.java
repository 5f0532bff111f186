// With data = S.class the parameters come in the order of S's members, its base's first.
package cases.data.parameters.order;

import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("data-parameters-order")
public interface Api {
  record Node(String node) {}

  record Bitmap(@Base Node base, String name, long granularity) {}

  @Command(data = Bitmap.class)
  void bitmapAdd(String name, String node, long granularity);

  @Command(data = Bitmap.class)
  void bitmapClear(String node, long granularity, String name);
}
