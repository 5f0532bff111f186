// With data = S.class every parameter declares a member of S, and only once.
package cases.data.parameters.extra;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Schema;

@Schema(value = "data-parameters-extra", memberNameExceptions = "Bitmap")
public interface Api {
  record Bitmap(@Name("node_name") String nodeName, String name) {}

  @Command(data = Bitmap.class)
  void bitmapAdd(@Name("node_name") String nodeName, String name, boolean persistent);

  @Command(data = Bitmap.class)
  void bitmapRemove(String nodeName, String name);

  @Command(data = Bitmap.class)
  void bitmapClear(@Name("node_name") String nodeName, String name, @Name("name") String again);
}
