package org.qapi4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void javaNamesDeriveKebabCase() {
    assertEquals("query-status", Names.kebab("queryStatus"));
    assertEquals("node-name", Names.kebab("nodeName"));
    assertEquals("get-url-path", Names.kebab("getURLPath"));
    assertEquals("vnc2-port", Names.kebab("vnc2Port"));
    assertEquals("x", Names.kebab("x"));
  }

  @Test
  void eventsAndEnumValues() {
    assertEquals("BALLOON_CHANGE", Names.eventName("balloonChange"));
    assertEquals("STOP", Names.eventName("stop"));
    assertEquals("guest-panicked", Names.enumValue("GUEST_PANICKED"));
    assertEquals("host-error", Names.enumValue("hostError"));
  }

  @Test
  void qemuNameGrammar() {
    assertEquals("foo", Names.stem("__org.qemu_x-foo"));
    assertEquals("EVENT", Names.stem("__ORG.QEMU_X-EVENT"));
    assertNull(Names.stem("q-unix"));
    assertNull(Names.stem("_oops"));
    assertEquals("Q-x", Names.stem("Q-x"));
  }

  @Test
  void cNameMangling() {
    assertEquals("__org_qemu_x_foo", Names.cName("__org.qemu_x-foo"));
  }
}
