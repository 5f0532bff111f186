// Valid: names QEMU accepts that look suspicious: values starting with a digit, 'x-' and
// downstream '__RFQDN_' prefixes, 'q' and 'has' alone, 'queue' and 'hash' (no reserved prefix),
// 'u2', type names ending in 'Kind' or a digit, excepted names with '_' and upper case, enum values
// differing only in case, and exception entries that name nothing; types named as the generated
// marshalling's own names (its TYPES constant, its Types class, the runtime's tables).
package cases.good.names;

import java.util.List;
import org.qapi4j.annotations.Command;
import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.Name;
import org.qapi4j.annotations.Optional;
import org.qapi4j.annotations.Schema;

@Schema(
    value = "good-names",
    events = Api.Events.class,
    commandNameExceptions = "system_reset",
    commandReturnsExceptions = "no-such-command",
    memberNameExceptions = {"Excepted", "KeyCode", "NoSuchType"})
public interface Api {
  enum KeyCode { @Name("1") KEY_1, @Name("0x10") HEX, @Name("Value") VALUE_UPPER, VALUE, @Name("a_b") A_B }

  enum ShapeKind { ROUND, SQUARE }

  enum Types { ONE, TWO }

  record ObjectType(Types types, long n) {}

  record NamedTypes(ObjectType object, List<Types> all) {}

  record Vec2(long q, boolean has, long queue, String hash, long u2, @Name("x-perf") long perf) {}

  record Excepted(@Name("node_name") String nodeName, @Name("Cap") long cap) {}

  @Name("__org.qemu_x-Struct")
  record Downstream(@Name("__org.qemu_x-member") String member, @Name("wchar-t") long wcharT) {}

  @Feature("x-feature")
  @Feature("int")
  @Command
  void xPerf(
      KeyCode key, ShapeKind kind, Vec2 vec, Excepted excepted, @Optional Downstream downstream,
      List<KeyCode> keys, @Optional NamedTypes named);

  @Command(name = "__org.qemu_x-command")
  void downstream();

  @Command(name = "system_reset")
  void systemReset();

  interface Events {
    @Event(name = "__ORG.QEMU_X-EVENT")
    void downstreamEvent();

    @Event
    void xPerfDone(long x2);
  }
}
