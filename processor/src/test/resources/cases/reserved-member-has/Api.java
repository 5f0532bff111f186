// Java's hasA derives 'has-a', which QAPI reserves (its C code has has_a for optional members).
package cases.reserved.member.has;

import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Schema;

@Schema("reserved-member-has")
public interface Api {
  @Command
  void oops(String a, boolean hasA);
}
