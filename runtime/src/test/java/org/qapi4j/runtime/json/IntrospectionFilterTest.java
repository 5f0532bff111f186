package org.qapi4j.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qapi4j.testsupport.Peers;

/** {@code query-qmp-schema} under {@code -compat deprecated-output=hide}. */
class IntrospectionFilterTest {
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
   * The installed {@code qemu-system-x86_64}'s whole reply, filtered here, is byte for byte what the
   * same binary answers when started with {@code -compat deprecated-output=hide}.
   */
  @Test
  void qemusWholeReplyAsQemuHidesIt() {
    String reply = Peers.queryQmpSchema();
    String hidden = Peers.queryQmpSchema("-compat", "deprecated-output=hide");
    assertTrue(hidden.length() < reply.length() - 1000, "the binary hides some deprecated entries");
    assertEquals(hidden, IntrospectionFilter.hideDeprecated(reply));
  }
}
