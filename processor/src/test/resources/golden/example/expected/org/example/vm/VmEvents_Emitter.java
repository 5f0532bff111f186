package org.example.vm;

import java.util.Objects;
import javax.annotation.processing.Generated;
import org.qapi4j.runtime.EventSink;
import org.qapi4j.runtime.QmpEvent;

/**
 * Emits the events of {@link VmEvents} (QAPI schema {@code example}) to an event sink, such as the
 * QMP server's.
 */
@Generated(
    value = "org.qapi4j.processor.Qapi4jProcessor",
    comments = "from QAPI schema 'example'"
)
@SuppressWarnings("deprecation")
public final class VmEvents_Emitter implements VmEvents {
  private final EventSink sink;

  public VmEvents_Emitter(EventSink sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  @Override
  public void stop() {
    sink.emit(new QmpEvent("STOP", null));
  }

  @Override
  public void balloonChange(long actual) {
    sink.emit(new QmpEvent("BALLOON_CHANGE", out -> {
      out.writeStartObject();
      out.writeName("actual");
      out.writeNumber(actual);
      out.writeEndObject();
    }));
  }
}
