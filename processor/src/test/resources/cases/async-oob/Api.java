// An asynchronous command (returning a CompletionStage) cannot be allow-oob: an OOB command answers at once.
package cases.async.oob;

import java.util.concurrent.CompletionStage;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("async-oob")
public interface Api {
  @Command(allowOob = true)
  CompletionStage<Void> migratePause();
}
