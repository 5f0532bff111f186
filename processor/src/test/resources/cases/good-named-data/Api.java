// Valid: arguments and event data given by a named struct, its members declared one by one
// (data = S.class): a base's members first, @Name, @Type, @Optional, lists, an empty struct, a
// member whose condition and feature are the struct's, a throttle keyed by a member.
// Compiles without a diagnostic.
package cases.good.named.data;

import java.util.List;
import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.If;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;
import org.qapi4j.annotations.Type;

@Schema(value = "good-named-data", events = Api.Events.class, memberNameExceptions = "BlockDirtyBitmap")
public interface Api {
  record BlockDirtyBitmap(@Name("node_name") String node, String name) {}

  record BlockDirtyBitmapAdd(
      @Base BlockDirtyBitmap base,
      @Optional @Type("uint32") Long granularity,
      @Optional Boolean persistent,
      @If("CONFIG_BITMAP_DISABLED") @Optional Boolean disabled,
      @Feature("unstable") @Optional List<String> tags) {}

  record Empty() {}

  /**
   * Adds a bitmap.
   *
   * @param nodeName the node
   */
  @Command(data = BlockDirtyBitmapAdd.class)
  void blockDirtyBitmapAdd(
      @Name("node_name") String nodeName, String name, @Optional @Type("uint32") Long granularity,
      @Optional Boolean persistent, @Optional Boolean disabled, @Optional List<String> tags);

  @Command(data = BlockDirtyBitmap.class)
  BlockDirtyBitmap blockDirtyBitmapRemove(@Name("node_name") String node, String name);

  @Command(data = Empty.class)
  void nothing();

  interface Events {
    @Event(data = BlockDirtyBitmap.class, throttleMillis = 1000, throttleKey = "node_name")
    void bitmapRemoved(@Name("node_name") String node, String name);

    @Event(data = Empty.class)
    void emptied();
  }
}
