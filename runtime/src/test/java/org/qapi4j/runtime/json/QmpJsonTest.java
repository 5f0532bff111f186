package org.qapi4j.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers read back as QEMU reads them, without arbitrary-precision arithmetic. */
class QmpJsonTest {
  @Test
  void whetherAnIntegerFitsIsDecidedOnItsText() {
    assertTrue(QmpJson.fitsInt64OrUint64("0"));
    assertTrue(QmpJson.fitsInt64OrUint64("-0"));
    assertTrue(QmpJson.fitsInt64OrUint64("-9223372036854775808"));
    assertFalse(QmpJson.fitsInt64OrUint64("-9223372036854775809"));
    assertFalse(QmpJson.fitsInt64OrUint64("-10000000000000000000"));
    assertTrue(QmpJson.fitsInt64OrUint64("18446744073709551615"));
    assertFalse(QmpJson.fitsInt64OrUint64("18446744073709551616"));
    assertFalse(QmpJson.fitsInt64OrUint64("100000000000000000000"));
    assertTrue(QmpJson.fitsInt64OrUint64("9999999999999999999"));
  }

  /** From a bounded prefix of digits, the double Java's (correctly rounded) parser finds in the whole text. */
  @Test
  void toDoubleRoundsAsStrtod() {
    assertEquals(-9.2233720368547758e18, QmpJson.toDouble("-9223372036854775809"));
    assertEquals(1.234e-30, QmpJson.toDouble("0.000000000000000000000000000001234"));
    assertEquals(Double.POSITIVE_INFINITY, QmpJson.toDouble("1" + "0".repeat(400)));
    assertEquals(Double.NEGATIVE_INFINITY, QmpJson.toDouble("-1.5e999"));
    assertEquals(-0.0, QmpJson.toDouble("-0.0e5"));
    assertEquals(0.0, QmpJson.toDouble("0e99999999999999999999999"));
    assertEquals(0.0, QmpJson.toDouble("1e-99999999999999999999999"));
    // Halfway between two doubles, decided by a digit far beyond the 800 kept.
    String half = "9007199254740993" + "0".repeat(1000);
    assertEquals(Double.parseDouble(half), QmpJson.toDouble(half));
    assertEquals(Double.parseDouble(half + "1"), QmpJson.toDouble(half + "1"));
    assertEquals(Double.parseDouble("0." + half + "1e-1000"), QmpJson.toDouble("0." + half + "1e-1000"));
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder(random.nextBoolean() ? "-" : "");
      b.append(1 + random.nextInt(9));
      int digits = random.nextInt(random.nextBoolean() ? 30 : 1200);
      for (int d = 0; d < digits; d++) {
        b.append(random.nextInt(10));
      }
      if (random.nextBoolean()) {
        b.append('.').append(random.nextInt(1000));
      }
      if (random.nextBoolean()) {
        b.append('e').append(random.nextInt(700) - 350);
      }
      String text = b.toString();
      assertEquals(Double.parseDouble(text), QmpJson.toDouble(text), text);
    }
  }
}
