package org.qapi4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qapi4j.runtime.CompatPolicy.Input;
import org.qapi4j.runtime.CompatPolicy.Output;

/** {@code -compat} as QEMU 7.2 parses it: every message below is qemu-system-x86_64's for the same argument. */
class CompatPolicyTest {
  private static String error(String spec) {
    return assertThrows(IllegalArgumentException.class, () -> CompatPolicy.parse(spec)).getMessage();
  }

  @Test
  void parsesQemusSyntax() {
    assertEquals(new CompatPolicy(Input.REJECT, Output.HIDE, Input.CRASH, Output.ACCEPT),
        CompatPolicy.parse("deprecated-input=reject,deprecated-output=hide,unstable-input=crash"));
    assertEquals(CompatPolicy.DEFAULT, CompatPolicy.parse(""));
    assertEquals(CompatPolicy.DEFAULT, CompatPolicy.parse("deprecated-input=reject,deprecated-input=accept")); // last wins
    assertEquals(CompatPolicy.parse("deprecated-input=reject"), CompatPolicy.parse("deprecated-input=reject,"));
    assertEquals("deprecated-input=reject,unstable-output=hide",
        CompatPolicy.parse("unstable-output=hide,deprecated-input=reject").toString());
  }

  @Test
  void refusesWhatQemuRefuses() {
    assertEquals("Parameter 'deprecated-input' does not accept value 'foo'", error("deprecated-input=foo"));
    assertEquals("Parameter 'deprecated-input' does not accept value 'REJECT'", error("deprecated-input=REJECT"));
    assertEquals("Parameter 'deprecated-output' does not accept value 'reject'", error("deprecated-output=reject"));
    assertEquals("Parameter 'deprecated-input' does not accept value 'reject,x'", error("deprecated-input=reject,,x"));
    assertEquals("Parameter 'deprecated-inputt' is unexpected", error("deprecated-inputt=reject"));
    assertEquals("Parameter 'a' is unexpected", error("a=b=c"));
    assertEquals("Expected '=' after parameter 'foo'", error("foo"));
    assertEquals("Expected '=' after parameter 'foo'", error("deprecated-input=reject,foo"));
    assertEquals("Invalid parameter ''", error("=x"));
  }

  @Test
  void hidesByFeature() {
    CompatPolicy p = CompatPolicy.parse("unstable-output=hide");
    assertTrue(p.hides(CompatPolicy.UNSTABLE));
    assertTrue(p.hides(CompatPolicy.UNSTABLE | CompatPolicy.DEPRECATED));
    assertFalse(p.hides(CompatPolicy.DEPRECATED));
    assertFalse(p.hides(0));
  }
}
