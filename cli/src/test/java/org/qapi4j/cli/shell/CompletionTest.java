package org.qapi4j.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion of command names, argument names, enum values and union branches from a server's schema. */
class CompletionTest {
  private static List<String> complete(ServerSchema schema, String line) {
    return new Completion(schema).complete(line, line.length(), false).texts();
  }

  @Test
  void commandNamesFirst() throws Exception {
    assertEquals(List.of("query-status", "query-version", "query-commands", "query-qmp-schema", "query-balloon",
        "query-name", "query-migrate-capabilities", "query-yank", "query-dump"), complete(Schemas.sampleVm(), "query-"));
    assertEquals(List.of("transaction("), complete(Schemas.sampleVm(), "tra"));
  }

  @Test
  void argumentNamesLeavingOutThoseGiven() throws Exception {
    assertEquals(List.of("filename=", "device=", "head=", "format="), complete(Schemas.sampleVm(), "screendump "));
    assertEquals(List.of("device=", "head=", "format="), complete(Schemas.sampleVm(), "screendump filename=/tmp/s "));
    assertEquals(List.of("format="), complete(Schemas.sampleVm(), "screendump filename=/tmp/s fo"));
  }

  @Test
  void enumValuesAndBooleans() throws Exception {
    assertEquals(List.of("format=ppm", "format=png"), complete(Schemas.sampleVm(), "screendump format="));
    assertEquals(List.of("format=png"), complete(Schemas.sampleVm(), "screendump format=pn"));
    assertEquals(List.of("read-only=true", "read-only=false"),
        complete(Schemas.qemu(), "blockdev-add driver=file read-only="));
  }

  @Test
  void unionBranchesAndTheirMembers() {
    ServerSchema qemu = Schemas.qemu();
    assertEquals(List.of("driver=qcow", "driver=qcow2"), complete(qemu, "blockdev-add driver=qc"));
    assertEquals(List.of("filename="), complete(qemu, "blockdev-add driver=file fil"));
    assertEquals(List.of("file=", "file."), complete(qemu, "blockdev-add driver=qcow2 fil")); // a BlockdevRef
    assertEquals(List.of("backend.type="), complete(qemu, "chardev-add id=c0 backend."));
    // ChardevSocket: ChardevCommon's members first; addr is a union: its members follow a dot.
    assertEquals(List.of("backend.data.logfile=", "backend.data.logappend=", "backend.data.addr.",
        "backend.data.tls-creds=", "backend.data.tls-authz=", "backend.data.server=", "backend.data.wait=",
        "backend.data.nodelay=", "backend.data.telnet=", "backend.data.tn3270=", "backend.data.websocket=",
        "backend.data.reconnect="), complete(qemu, "chardev-add id=c0 backend.type=socket backend.data."));
    assertEquals(List.of("backend.data.addr.type="), complete(qemu, "chardev-add backend.type=socket backend.data.addr."));
    assertEquals(List.of("backend.data.addr.data.path=", "backend.data.addr.data.abstract=", "backend.data.addr.data.tight="),
        complete(qemu, "chardev-add backend.type=socket backend.data.addr.type=unix backend.data.addr.data."));
    assertEquals(List.of("backend.type=serial", "backend.type=socket", "backend.type=stdio", "backend.type=spicevmc",
        "backend.type=spiceport"), complete(qemu, "chardev-add id=c0 backend.type=s"));
  }

  @Test
  void transactionActionsAndTheirData() {
    ServerSchema qemu = Schemas.qemu();
    Completion c = new Completion(qemu);
    assertEquals(List.of("block-dirty-bitmap-add", "block-dirty-bitmap-remove", "block-dirty-bitmap-clear",
        "block-dirty-bitmap-enable", "block-dirty-bitmap-disable", "block-dirty-bitmap-merge"),
        c.complete("block-dirty", "block-dirty".length(), true).texts());
    assertEquals(List.of("persistent="), c.complete("block-dirty-bitmap-add node=n1 name=b1 pers", 43, true).texts());
    assertEquals(List.of("persistent="), complete(qemu, "transaction( block-dirty-bitmap-add pers"));
  }

  @Test
  void theWordAtTheCursor() throws Exception {
    Completion.Result r = new Completion(Schemas.sampleVm()).complete("screendump fo filename=x", 13, false);
    assertEquals(11, r.wordStart());
    assertEquals("fo", r.word());
    assertEquals(List.of("format="), r.texts());
  }
}
