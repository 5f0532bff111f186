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
    assertEquals("x-1abc", Names.stem("x-1abc")); // "x-" is the prefix only before a stem
    assertEquals("a", Names.stem("X-a"));
    assertEquals("x", Names.stem("x"));
    assertEquals("x-", Names.stem("x-")); // no stem after the prefix: all of it is the stem
    assertEquals("Foo", Names.stem("__com.example_Foo"));
    assertEquals("example_Foo", Names.stem("__com_example_Foo")); // the RFQDN ends at the first '_'
    assertNull(Names.stem("___x"));
    assertNull(Names.stem("__a.b"));
    assertNull(Names.stem("q_x"));
    assertNull(Names.stem("q.x"));
    assertEquals("qx", Names.stem("qx"));
  }

  @Test
  void cNameMangling() {
    assertEquals("__org_qemu_x_foo", Names.cName("__org.qemu_x-foo"));
  }
}
