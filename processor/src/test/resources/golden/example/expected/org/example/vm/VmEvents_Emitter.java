package org.example.vm;

import java.util.Objects;
import javax.annotation.processing.Generated;
import org.qapi4j.runtime.EventSink;
import org.qapi4j.runtime.QmpEvent;
import org.qapi4j.runtime.marshal.ObjectType;

/**
 * Emits the events of {@link VmEvents} (QAPI schema {@code example}) to an event sink, such as the
 * QMP server's.
 */
@Generated(
    value = "org.qapi4j.processor.Qapi4jProcessor",
    comments = "from QAPI schema 'example'"
)
@SuppressWarnings({"deprecation", "unchecked"})
public final class VmEvents_Emitter implements VmEvents {
  private static final ObjectType BALLOON_CHANGE = new ObjectType(VmCommands_Marshal.TYPES, "BALLOON_CHANGE", "actual:int/P", "0");

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
    sink.emit(new QmpEvent("BALLOON_CHANGE", out -> BALLOON_CHANGE.write(out, actual)));
  }
}
