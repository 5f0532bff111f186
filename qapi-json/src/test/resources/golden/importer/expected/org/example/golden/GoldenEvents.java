package org.example.golden;

import org.qapi4j.annotations.Event;
import org.qapi4j.annotations.Feature;
import org.qapi4j.annotations.If;

/**
 * The events of QAPI module {@code golden.json}.
 */
public interface GoldenEvents {
  /**
   * A socket is ready.
   *
   * @param sock the socket
   */
  @Event
  void sockReady(Sock sock);

  /**
   * No data.
   */
  @Event
  void stop();

  /**
   * Throttled by QEMU.
   *
   * @param offset the offset
   */
  @Feature(value = "deprecated", condition = "CONFIG_RTC_OLD")
  @Event(throttleMillis = 1000)
  void rtcChange(long offset);

  /**
   * Throttled by QEMU, per id.
   *
   * @param id the port
   * @param open whether it is open
   */
  @If("CONFIG_VSERPORT")
  @Event(throttleMillis = 1000, throttleKey = "id")
  void vserportChange(String id, boolean open);

  /**
   * Data boxed in a struct.
   */
  @Event(boxed = true)
  void boxedEvent(Parent arguments);

  /**
   * Data named by a struct with a base, without 'boxed'.
   */
  @Event(data = Child.class)
  void namedEvent(String id, long age);

  /**
   * A vendor's event.
   */
  @Event(name = "__ORG.QEMU_EVENT")
  void orgQemuEvent(Shape shape, Fruit fruit);
}
