// With data = S.class each parameter has its member's QAPI type (@Type included) and optionality.
package cases.data.parameters.type;

import java.util.List;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Type;

@Schema("data-parameters-type")
public interface Api {
  record Bitmap(String name, @Type("uint32") long granularity, @Optional Boolean persistent, List<String> nodes) {}

  @Command(data = Bitmap.class)
  void bitmapAdd(long name, long granularity, Boolean persistent, String nodes);

  @Command(data = Bitmap.class)
  void bitmapClear(@Optional String name, @Type("uint32") Long granularity, @Optional Boolean persistent,
      List<String> nodes);
}
