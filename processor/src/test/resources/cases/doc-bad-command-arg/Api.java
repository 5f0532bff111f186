// QEMU's doc-bad-command-arg, doc-bad-alternate-member: a documented member must exist.
package cases.doc.bad.command.arg;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("doc-bad-command-arg")
public interface Api {
  /**
   * A point.
   *
   * @param x across
   * @param z deep
   */
  record Point(long x, long y) {}

  /**
   * Moves.
   *
   * @param a a
   * @param b b
   * @param c c
   */
  @Command
  void foo(long a, Point point);
}
