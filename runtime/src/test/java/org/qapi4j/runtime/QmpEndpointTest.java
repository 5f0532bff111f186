package org.qapi4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QmpEndpointTest {
  @Test
  void qemuSyntax() {
    assertEquals(new QmpEndpoint(QmpEndpoint.Kind.UNIX, Path.of("/tmp/vm.sock"), null, 0, false),
        QmpEndpoint.parse("unix:/tmp/vm.sock,server=on,wait=off"));
    assertEquals(new QmpEndpoint(QmpEndpoint.Kind.TCP, null, "127.0.0.1", 4444, false),
        QmpEndpoint.parse("tcp:127.0.0.1:4444,server=on,wait=off"));
    assertEquals("127.0.0.1", QmpEndpoint.parse("tcp::4444,server,nowait").host());
    assertEquals(true, QmpEndpoint.parse("unix:/x,server=on").waitForClient());
    assertEquals(QmpEndpoint.Kind.STDIO, QmpEndpoint.parse("stdio").kind());
  }

  @Test
  void mistakesAreExplained() {
    assertEquals("'unix:/x': only server mode is supported: add ',server=on,wait=off'",
        assertThrows(IllegalArgumentException.class, () -> QmpEndpoint.parse("unix:/x")).getMessage());
    assertEquals("'tcp:localhost:x,server=on': the port must be a number",
        assertThrows(IllegalArgumentException.class, () -> QmpEndpoint.parse("tcp:localhost:x,server=on")).getMessage());
    assertEquals("'unix:/x,server=on,bogus': unknown option 'bogus'",
        assertThrows(IllegalArgumentException.class, () -> QmpEndpoint.parse("unix:/x,server=on,bogus")).getMessage());
  }
}
