package org.qapi4j.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** {@code query-qmp-schema} under {@code -compat deprecated-output=hide}. */
class IntrospectionFilterTest {
  private static final Path QEMU = Path.of(System.getProperty("qapi4j.root", ".."), "..", "shared", "qemu-7.2");

  @Test
  void hidesDeprecatedEntitiesMembersAndEnumValues() {
    String reply = "[{\"name\": \"eject\", \"ret-type\": \"1\", \"meta-type\": \"command\", \"arg-type\": \"0\"},"
        + " {\"name\": \"drive-backup\", \"ret-type\": \"1\", \"meta-type\": \"command\", \"arg-type\": \"2\","
        + " \"features\": [\"deprecated\"]},"
        + " {\"name\": \"0\", \"members\": [{\"name\": \"device\", \"default\": null, \"type\": \"str\","
        + " \"features\": [\"deprecated\"]}, {\"name\": \"id\", \"default\": null, \"type\": \"str\"}],"
        + " \"meta-type\": \"object\"},"
        + " {\"name\": \"3\", \"members\": [{\"name\": \"a\"}, {\"name\": \"b\", \"features\": [\"deprecated\"]}],"
        + " \"meta-type\": \"enum\", \"values\": [\"a\", \"b\"]},"
        + " {\"name\": \"x-query-irq\", \"ret-type\": \"1\", \"meta-type\": \"command\", \"arg-type\": \"0\","
        + " \"features\": [\"unstable\"]}]";
    assertEquals("[{\"name\": \"eject\", \"ret-type\": \"1\", \"meta-type\": \"command\", \"arg-type\": \"0\"},"
        + " {\"name\": \"0\", \"members\": [{\"name\": \"id\", \"default\": null, \"type\": \"str\"}],"
        + " \"meta-type\": \"object\"},"
        + " {\"name\": \"3\", \"members\": [{\"name\": \"a\"}, {\"name\": \"b\", \"features\": [\"deprecated\"]}],"
        + " \"meta-type\": \"enum\"},"
        + " {\"name\": \"x-query-irq\", \"ret-type\": \"1\", \"meta-type\": \"command\", \"arg-type\": \"0\","
        + " \"features\": [\"unstable\"]}]",
        IntrospectionFilter.hideDeprecated(reply));
  }

  /**
   * QEMU's whole reply, filtered, is byte for byte what Debian's qemu-system-x86_64 7.2 answered
   * with {@code -compat deprecated-output=hide} (193,805 bytes, recorded; its digest here).
   */
  @Test
  void qemusWholeReplyAsQemuHidesIt() throws Exception {
    String reply = Files.readString(QEMU.resolve("query-qmp-schema.x86_64.json")).strip();
    String hidden = IntrospectionFilter.hideDeprecated(reply);
    byte[] bytes = hidden.getBytes(StandardCharsets.UTF_8);
    assertEquals(193_805, bytes.length);
    assertEquals("f9e3aa0aa0572a3b2e203dd82b83c213b477af15c5550aa3c9698aea2a9f5c3f",
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
  }
}
