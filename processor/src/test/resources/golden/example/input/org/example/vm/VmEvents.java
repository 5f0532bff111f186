package org.example.vm;

import org.qapi4j.annotations.Event;

public interface VmEvents {
  @Event
  void stop();

  @Event
  void balloonChange(long actual);
}
