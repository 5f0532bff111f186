// Valid Javadoc: @param of Java parameters QAPI has no member for (a boxed method's record, a
// record's @Base component), @return on a command, features without Javadoc, enum constants
// documented in comments of their own. Compiles without a diagnostic.
package cases.doc.good;

import org.qapi4j.annotations.Base;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.Schema;

/** The schema. */
@Schema(value = "doc-good", docRequired = true, events = Api.Events.class)
public interface Api {
  /**
   * A base.
   *
   * @param name its name
   */
  record Base1(String name) {}

  /**
   * A sub.
   *
   * @param base the base's members
   * @param id its id
   * @since 1.0
   */
  record Sub(@Base Base1 base, long id) {}

  /** A color. */
  enum Color {
    /** Red. */
    RED
  }

  /**
   * Gets one.
   *
   * @param args what to get
   * @return what it got
   */
  @Command(boxed = true)
  @Feature("unstable")
  Sub get(Sub args);

  /**
   * Paints.
   *
   * @param color the color
   */
  @Command
  void paint(Color color);

  /** The events. */
  interface Events {
    /**
     * Got one.
     *
     * @param data what it got
     */
    @Event(boxed = true)
    void got(Sub data);
  }
}
