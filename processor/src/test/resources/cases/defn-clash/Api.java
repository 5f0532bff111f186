// Beyond QEMU 7.2 (which lets it through): two definitions whose names differ only in '-' and '_'
// have one C name, and would give one Java handler name.
package cases.defn.clash;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema(value = "defn-clash", commandNameExceptions = "a_b")
public interface Api {
  @Command
  void aB();

  @Command(name = "a_b")
  void aUnderscoreB();
}
