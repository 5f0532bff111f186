// An asynchronous command cannot be a coroutine command: one holds up the next request, the other does not.
package cases.async.coroutine;

import java.util.concurrent.CompletableFuture;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("async-coroutine")
public interface Api {
  @Command(
      coroutine = true)
  CompletableFuture<Void> screendump(String filename);
}
