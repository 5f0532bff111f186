package org.qapi4j.runtime;

/**
 * Where generated emitters send events. The server's sink timestamps each event when it is emitted
 * and delivers it to every session that completed capabilities negotiation.
 */
@FunctionalInterface
public interface EventSink {
  void emit(QmpEvent event);
}
