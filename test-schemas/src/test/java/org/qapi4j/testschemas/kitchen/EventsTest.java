package org.qapi4j.testschemas.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kitchen sink's events through their generated emitters: with and without data, boxed. */
class EventsTest {
  @Test
  void everyEvent() {
    Wire.Events sink = new Wire.Events();
    KitchenSinkImpl impl = new KitchenSinkImpl();
    impl.events = new KitchenSink_Events_Emitter(sink);
    impl.emitEvents();
    assertEquals(List.of(
        "EVENT_A",
        "EVENT_B",
        "EVENT_C {\"c\": \"c\"}",
        "EVENT_C {\"a\": 1, \"b\": {\"integer\": 1, \"enum1\": \"value1\", \"string\": \"one\"}, \"c\": \"c\"}",
        "EVENT_D {\"enum3\": \"value2\", \"a\": {\"struct1\": {\"integer\": 1, \"enum1\": \"value1\", \"string\": \"one\"},"
            + " \"string\": \"s\"}, \"b\": \"b\"}",
        "EVENT_E {\"integer\": 5}",
        "EVENT_F {\"integer\": 6, \"enum1\": \"value4\", \"string\": \"f\"}",
        "EVENT_G {}"), sink.sent);
  }

  @Test
  void downstreamEvent() {
    Wire.Events sink = new Wire.Events();
    new Downstream_Events_Emitter(sink).orgQemuXEvent(new Downstream.OrgQemuXStruct(
        new Downstream.OrgQemuXBase(Downstream.OrgQemuXEnum.VALUE), "m", null));
    assertEquals(List.of("__ORG.QEMU_X-EVENT {\"__org.qemu_x-member2\": \"m\", \"__org.qemu_x-member1\":"
        + " \"__org.qemu_x-value\"}"), sink.sent);
  }

  @Test
  void mandatoryDataMustBeThere() {
    KitchenSink.Events events = new KitchenSink_Events_Emitter(new Wire.Events());
    NullPointerException e = org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
        () -> events.eventC(null, null, null));
    assertEquals("c", e.getMessage());
  }
}
