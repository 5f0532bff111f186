// allow-oob and coroutine together: an OOB handler runs on the I/O thread and must never yield.
package cases.oob.coroutine;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("oob-coroutine")
public interface Api {
  @Command(
      allowOob = true,
      coroutine = true)
  void oobCommand1();
}
