package org.qapi4j.runtime.client;

import java.util.Arrays;

/**
 * Splits the bytes a server sends into messages, as QEMU's streamer does but without its size
 * limits: a message starts with {@code {} or {@code [} and ends where its brackets balance,
 * strings (double or single quoted, with backslash escapes) taken into account. Whitespace between
 * messages is skipped; anything else between them (QMP servers send nothing else) is counted and
 * skipped. The message is not validated here; parsing does that.
 *
 * <p>Byte 0xFF never occurs in JSON text: the guest agent sends it before its reply to
 * {@code guest-sync-delimited} so that a client can find the start of a message again. The framer
 * drops any partial message at 0xFF and reports it ({@link Sink#marker()}); after
 * {@link #skipToMarker()} it ignores everything up to the next 0xFF (the guest agent's resync).
 *
 * <p>Not thread-safe: fed by the I/O thread only.
 */
final class Framer {
  interface Sink {
    /** A complete message, exactly its bytes (the array is the sink's). */
    void message(byte[] message);

    /** Byte 0xFF was seen. */
    default void marker() {}

    /** {@code count} bytes outside any message were skipped, the first being {@code first}. */
    default void garbage(int count, int first) {}
  }

  private static final int INITIAL = 256;
  private static final int KEEP = 64 * 1024;

  private final Sink sink;
  private byte[] buf = new byte[INITIAL];
  private int length;
  private int depth;
  private boolean inString;
  private boolean escape;
  private int quote;
  private boolean skipping;

  Framer(Sink sink) {
    this.sink = sink;
  }

  /** Ignores everything up to the next 0xFF, dropping a partial message. */
  void skipToMarker() {
    reset();
    skipping = true;
  }

  /** The number of bytes of the partial message held. */
  int partial() {
    return length;
  }

  void feed(byte[] data, int offset, int count) {
    int end = offset + count;
    int segment = depth > 0 ? offset : -1; // where the bytes of the current message start in data
    int garbage = 0;
    int firstGarbage = -1;
    for (int i = offset; i < end; i++) {
      int c = data[i] & 0xFF;
      if (c == 0xFF) {
        reset();
        segment = -1;
        skipping = false;
        sink.marker();
        continue;
      }
      if (skipping) {
        continue;
      }
      if (depth == 0) {
        if (c == '{' || c == '[') {
          depth = 1;
          segment = i;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          if (garbage++ == 0) {
            firstGarbage = c;
          }
        }
        continue;
      }
      if (inString) {
        if (escape) {
          escape = false;
        } else if (c == '\\') {
          escape = true;
        } else if (c == quote) {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"', '\'' -> {
          inString = true;
          quote = c;
        }
        case '{', '[' -> depth++;
        case '}', ']' -> {
          if (--depth == 0) {
            byte[] message;
            if (length == 0) {
              message = Arrays.copyOfRange(data, segment, i + 1);
            } else {
              append(data, segment, i + 1 - segment);
              message = Arrays.copyOf(buf, length);
            }
            reset();
            segment = -1;
            if (garbage > 0) {
              sink.garbage(garbage, firstGarbage);
              garbage = 0;
            }
            sink.message(message);
          }
        }
        default -> {}
      }
    }
    if (segment >= 0) {
      append(data, segment, end - segment);
    }
    if (garbage > 0) {
      sink.garbage(garbage, firstGarbage);
    }
  }

  private void reset() {
    length = 0;
    depth = 0;
    inString = false;
    escape = false;
    if (buf.length > KEEP) {
      buf = new byte[INITIAL]; // an idle connection keeps no big buffer after a big message
    }
  }

  private void append(byte[] data, int from, int count) {
    if (length + count > buf.length) {
      long size = Math.max((long) buf.length * 2, (long) length + count);
      if (size > Integer.MAX_VALUE - 8) {
        if ((long) length + count > Integer.MAX_VALUE - 8) {
          throw new IllegalStateException("a message of more than 2 GiB");
        }
        size = Integer.MAX_VALUE - 8;
      }
      buf = Arrays.copyOf(buf, (int) size);
    }
    System.arraycopy(data, from, buf, length, count);
    length += count;
  }
}
