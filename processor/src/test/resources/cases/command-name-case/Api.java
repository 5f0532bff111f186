// Command names are lower case, with '-' (not '_', unless the pragma lists the command).
package cases.command.name.kase;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema(value = "command-name-case", commandNameExceptions = "system_reset")
public interface Api {
  @Command(name = "Foo")
  void foo();

  @Command(name = "device_add")
  void deviceAdd();

  @Command(name = "system_reset")
  void systemReset();
}
