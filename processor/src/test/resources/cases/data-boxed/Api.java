// boxed = true takes the type from the one parameter; data = S.class is the other form: not both.
package cases.data.boxed;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Schema;

@Schema(value = "data-boxed", events = Api.Events.class)
public interface Api {
  record Bitmap(String node, String name) {}

  @Command(data = Bitmap.class, boxed = true)
  void bitmapRemove(Bitmap bitmap);

  interface Events {
    @Event(data = Bitmap.class, boxed = true)
    void bitmapGone(Bitmap data);
  }
}
