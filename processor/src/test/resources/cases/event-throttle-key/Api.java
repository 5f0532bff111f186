// Beyond QEMU (which keeps its throttling table in C): a throttle key must be a member of the data.
package cases.event.throttle.key;

import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Schema;

@Schema(value = "event-throttle-key", events = Api.Events.class)
public interface Api {
  interface Events {
    @Event(throttleMillis = 1000,
        throttleKey = "node")
    void quorumReportBad(String nodeName, long sectorNum);

    @Event(throttleMillis = 1000, throttleKey = "node-name")
    void quorumFailure(String nodeName);
  }
}
