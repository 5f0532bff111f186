// QEMU's doc-duplicated-arg, doc-duplicated-return, doc-duplicated-since: each once.
package cases.doc.duplicated.arg;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("doc-duplicated-arg")
public interface Api {
  /**
   * Says it twice.
   *
   * @param a first
   * @param a again
   * @return the result
   * @return again
   * @since 1.0
   * @since 2.0
   */
  @Command
  Result foo(long a);

  /** A result. */
  record Result(long r) {}
}
