// Beyond QEMU 7.2: success-response false on a command with a result, which QEMU accepts and then
// aborts on.
package cases.success.response.returns;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema(value = "success-response-returns", commandReturnsExceptions = "guest-sync")
public interface Api {
  @Command(successResponse = false)
  long guestSync(long id);

  @Command(successResponse = false)
  void guestShutdown();
}
