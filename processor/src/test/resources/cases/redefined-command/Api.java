// Two commands with one wire name: the second is an error, the first gets a note.
package cases.redefined.command;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("redefined-command")
public interface Api {
  @Command
  void foo();

  @Command(name = "foo")
  void fooAgain(String arg);
}
