// With data = S.class a member's condition and features are S's: its parameter carries none.
package cases.data.parameters.annotations;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Schema;

@Schema("data-parameters-annotations")
public interface Api {
  record Bitmap(String node, @If("CONFIG_BITMAP_NAME") String name) {}

  @Command(data = Bitmap.class)
  void bitmapAdd(@Feature("unstable") String node, @If("CONFIG_BITMAP_NAME") String name);

  @Command(data = Bitmap.class)
  void bitmapClear(@Deprecated String node, String name);
}
