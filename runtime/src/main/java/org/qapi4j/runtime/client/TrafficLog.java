package org.qapi4j.runtime.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Sees every message a client sends and receives, with its time: for debugging, recording
 * transcripts, or measuring. Called on the shared I/O thread, in wire order: {@link #sent} when the
 * last byte of a message was handed to the socket, {@link #received} when the message was complete.
 * It must return quickly and never block (it holds up every connection's I/O); copy and hand off if
 * there is more to do. Messages are without their trailing CR LF; the arrays must not be changed.
 */
public interface TrafficLog {
  void sent(Instant time, byte[] message);

  void received(Instant time, byte[] message);

  /**
   * A log that prints each message as one line: {@code "-> 2024-01-01T00:00:00.123Z {...}"} for
   * sent, {@code "<- ..."} for received.
   */
  static TrafficLog lines(Consumer<String> out) {
    return new TrafficLog() {
      @Override
      public void sent(Instant time, byte[] message) {
        out.accept("-> " + time + " " + new String(message, StandardCharsets.UTF_8));
      }

      @Override
      public void received(Instant time, byte[] message) {
        out.accept("<- " + time + " " + new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
