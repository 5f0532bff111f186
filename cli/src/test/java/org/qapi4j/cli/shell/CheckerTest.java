package org.qapi4j.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Commands checked against a server's schema before they are sent, with QEMU's texts. */
class CheckerTest {
  /** "message @ the argument typed" (or "@ -" for the command itself), or "ok" and what would be sent. */
  private static String check(ServerSchema schema, String... lines) throws Exception {
    CommandParser parser = new CommandParser();
    CommandParser.Parsed p = null;
    for (String line : lines) {
      p = parser.parse(line);
    }
    Optional<Checker.Problem> problem = Checker.check(schema, p);
    if (problem.isEmpty()) {
      return "ok " + JsonText.compact(p.arguments());
    }
    Checker.Problem x = problem.get();
    return x.message() + " @ " + (x.arg() == null ? "-" : x.arg().word().text());
  }

  @Test
  void wrongTypeMissingAndUnexpectedArguments() throws Exception {
    ServerSchema vm = Schemas.sampleVm();
    assertEquals("Invalid parameter type for 'value', expected: integer @ value=abc", check(vm, "balloon value=abc"));
    assertEquals("Parameter 'value' is missing @ -", check(vm, "balloon"));
    assertEquals("Parameter 'extra' is unexpected @ extra=2", check(vm, "balloon value=1 extra=2"));
    assertEquals("ok {\"value\": 1073741824}", check(vm, "balloon value=1073741824"));
  }

  @Test
  void enumValues() throws Exception {
    ServerSchema vm = Schemas.sampleVm();
    assertEquals("Parameter 'format' does not accept value 'jpeg' @ format=jpeg",
        check(vm, "screendump filename=/tmp/s format=jpeg"));
    assertEquals("ok {\"filename\": \"/tmp/s\", \"format\": \"png\"}", check(vm, "screendump filename=/tmp/s format=png"));
  }

  @Test
  void unionBranchesAndListElements() throws Exception {
    ServerSchema vm = Schemas.sampleVm();
    assertEquals("Parameter 'instances[1].node-name' is missing @ instances=[{\"type\":\"chardev\",\"id\":\"c0\"},{\"type\":\"block-node\"}]",
        check(vm, "yank instances=[{\"type\":\"chardev\",\"id\":\"c0\"},{\"type\":\"block-node\"}]"));
    assertEquals("Parameter 'instances[0].node-name' is unexpected @ instances=[{'type':'chardev','id':'c0','node-name':'n'}]",
        check(vm, "yank instances=[{'type':'chardev','id':'c0','node-name':'n'}]"));
    assertEquals("Parameter 'instances[0].type' does not accept value 'disk' @ instances=[{'type':'disk'}]",
        check(vm, "yank instances=[{'type':'disk'}]"));
    assertEquals("Invalid parameter type for 'capabilities[0].state', expected: boolean @ capabilities=[{'capability':'xbzrle','state':'yes'}]",
        check(vm, "migrate-set-capabilities capabilities=[{'capability':'xbzrle','state':'yes'}]"));
    assertEquals("ok {\"instances\": [{\"type\": \"migration\"}]}", check(vm, "yank instances=[{'type':'migration'}]"));
  }

  @Test
  void unknownCommand() throws Exception {
    assertEquals("The command device_del has not been found @ -", check(Schemas.sampleVm(), "device_del id=nic0"));
  }

  /** qmp-shell reads id=1 as a number, which the server would refuse; the schema says it is a string. */
  @Test
  void bareWordsWhereStringsAreWantedAreSentAsStrings() throws Exception {
    assertEquals("ok {\"filename\": \"123\", \"device\": \"true\", \"head\": 0}",
        check(Schemas.sampleVm(), "screendump filename=123 device=true head=0"));
    // Inside JSON the value is as written.
    assertEquals("Invalid parameter type for 'instances[0].id', expected: string @ instances=[{'type':'chardev','id':1}]",
        check(Schemas.sampleVm(), "yank instances=[{'type':'chardev','id':1}]"));
  }

  @Test
  void qemusSchemaDottedKeysAlternatesAndTransactions() throws Exception {
    ServerSchema qemu = Schemas.qemu();
    assertEquals("Parameter 'aio' does not accept value 'bogus' @ aio=bogus",
        check(qemu, "blockdev-add driver=file node-name=f filename=/x aio=bogus"));
    assertEquals("Parameter 'backend.data.bogus' is unexpected @ backend.data.bogus=1",
        check(qemu, "chardev-add id=c2 backend.type=file backend.data.out=/tmp/o backend.data.bogus=1"));
    assertEquals("Parameter 'backend.data' is missing @ backend.type=null", check(qemu, "chardev-add id=c1 backend.type=null"));
    assertEquals("Parameter 'driver' does not accept value 'bogus' @ driver=bogus", check(qemu, "blockdev-add driver=bogus"));
    assertEquals("Invalid parameter type for 'file', expected: object or string @ file=[1]",
        check(qemu, "blockdev-add driver=qcow2 node-name=q file=[1]"));
    assertEquals("ok {\"driver\": \"qcow2\", \"node-name\": \"q\", \"file\": \"5\"}",
        check(qemu, "blockdev-add driver=qcow2 node-name=q file=5"));
    assertEquals("Invalid parameter type for 'actions[1].data.persistent', expected: boolean @ persistent=maybe",
        check(qemu, "transaction(", "block-dirty-bitmap-add node=n1 name=b1",
            "block-dirty-bitmap-add node=n1 name=b2 persistent=maybe", ")"));
  }

  private static String check(ServerSchema schema, String line) {
    try {
      return check(schema, new String[] {line});
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
