// With data = S.class every member of S, its base's first, has its parameter.
package cases.data.parameters.missing;

import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Schema;

@Schema(value = "data-parameters-missing", events = Api.Events.class)
public interface Api {
  record Node(String node) {}

  record Bitmap(@Base Node base, String name, long granularity) {}

  @Command(data = Bitmap.class)
  void bitmapAdd(String node, String name);

  @Command(data = Bitmap.class)
  void bitmapClear();

  interface Events {
    @Event(data = Bitmap.class)
    void bitmapAdded(String name, long granularity);
  }
}
