// An asynchronous command must say what its stage completes with: CompletionStage<T>, not raw or wildcard.
package cases.async.raw.stage;

import java.util.concurrent.CompletionStage;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("async-raw-stage")
public interface Api {
  @Command
  @SuppressWarnings("rawtypes")
  CompletionStage settle();

  @Command
  CompletionStage<?> ask();
}
