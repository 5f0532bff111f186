// Valid: commands with and without arguments and results, optional members, enums, nested records,
// lists, pragma exceptions, events with and without data. Compiles without a diagnostic.
package cases.good;

import java.util.List;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;

@Schema(
    value = "good",
    events = Api.Events.class,
    commandNameExceptions = "system_reset",
    commandReturnsExceptions = "query-count")
public interface Api {
  enum Color { RED, DARK_BLUE, @Name("x-green") GREEN }

  record Point(long x, long y) {}

  record Shape(String name, @Optional Color color, List<Point> points, @Name("package") String pkg) {}

  @Command
  void ping();

  @Command(allowOob = true, allowPreconfig = true)
  Shape makeShape(String name, @Optional Color color, List<Point> points, int scale);

  @Command
  List<Shape> queryShapes(@Optional Boolean verbose);

  @Command
  long queryCount();

  @Command(name = "system_reset")
  void systemReset();

  interface Events {
    @Event
    void shapeAdded(String name, @Optional Point origin);

    @Event
    void stop();
  }
}
