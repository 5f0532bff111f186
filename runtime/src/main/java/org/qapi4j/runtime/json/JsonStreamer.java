package org.qapi4j.runtime.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a byte stream into JSON messages the way QEMU's {@code json-lexer.c} and
 * {@code json-streamer.c} do, incrementally: bytes may arrive split anywhere, or many messages in
 * one read.
 *
 * <p>The lexer turns bytes into tokens (whitespace between them skipped; strings in double or single
 * quotes); the streamer collects tokens until the brackets and braces balance — a scalar on its own
 * is a message by itself — and hands the message to the {@link Listener}. A byte that cannot start
 * or continue a token is a lexical error, {@code JSON parse error, stray '...'}: the lexer then skips
 * to a promising place to start again (a bracket, a brace, a control character or byte 0xFE/0xFF)
 * and the streamer forgets the message it was collecting. QEMU's limits apply: 64 MiB of token
 * text, 2 Mi tokens and a nesting depth of 1024 per message. A message nested too deep is answered
 * once (QEMU answers once per bracket that follows) and skipped to its end, or to a lexical error
 * (as QEMU forgets everything there): 0xFF resynchronises a client that never closed it.
 *
 * <p>What it holds, bounded: whitespace between tokens is dropped, as QEMU drops it (a message's
 * bytes are its tokens, back to back: {@code {"a": 1}} is handed over as {@code {"a":1}}); a
 * token still being lexed counts against the 64 MiB at once, and past it the message is given up
 * ({@code JSON token size limit exceeded}) and the rest skipped as after a lexical error (QEMU
 * cuts the token there and lexes on from the start state). So a streamer holds at most 64 MiB of
 * message bytes, 2 Mi tokens, and the bytes of one {@link #feed} it was paused in; its buffer
 * shrinks back after a large message.
 *
 * <p>The text of a lexical error ends at the token's first NUL byte, as QEMU's (a C string):
 * <code>{"a\0</code> is {@code stray '"a'}, a NUL alone {@code stray ''}. Recovery skips tabs, as
 * QEMU's does, but stops at any other control character.
 *
 * <p>Not thread-safe: one streamer per session, fed by one thread.
 */
public final class JsonStreamer {
  /** Receives what the streamer finds. */
  public interface Listener {
    /**
     * A complete message: its bytes are {@code bytes[0, length)} (valid until the next call) and its
     * tokens index into them. Return {@code false} to pause: the streamer stops before the next
     * byte until {@link #resume()} is called (flow control).
     */
    boolean message(byte[] bytes, int length, List<Token> tokens);

    /** A lexical or limit error, with QEMU's text. Same return value as {@link #message}. */
    boolean error(String text);
  }

  public static final int MAX_TOKEN_SIZE = 64 << 20;
  public static final int MAX_TOKEN_COUNT = 2 << 20;
  public static final int MAX_NESTING = 1 << 10;

  private enum State {
    START, RECOVERY, STRING, ESCAPE, NEG, ZERO, NONZERO, DOT, MANTISSA, EXP, EXP_SIGN, EXP_DIGITS, KEYWORD
  }

  private final Listener listener;

  private State state = State.START;
  private byte quote;
  private int tokenStart;

  /** The bytes of the message being collected, from its first token. */
  private byte[] buf = new byte[256];
  private int length;
  private final List<Token> tokens = new ArrayList<>();
  /** The most tokens held since the list was last trimmed. */
  private int tokenCapacity;
  private int braces;
  private int brackets;
  private long tokenBytes;
  /** Depth still to skip after a nesting error; 0 when not skipping. */
  private int skipDepth;

  /**
   * The bytes being lexed, {@code pending[pendingOffset, pendingEnd)}: during {@link #feed}, the
   * caller's array; between calls, a copy of what a pause left unlexed (empty otherwise).
   */
  private byte[] pending = EMPTY;
  private int pendingOffset;
  private int pendingEnd;
  /** True while {@link #pending} is the caller's array, inside {@link #feed}. */
  private boolean borrowed;
  private boolean paused;

  private static final byte[] EMPTY = new byte[0];
  /** The size a buffer shrinks back to after a message that grew it past {@link #SHRINK_ABOVE}. */
  private static final int INITIAL = 256;
  private static final int SHRINK_ABOVE = 64 * 1024;

  public JsonStreamer(Listener listener) {
    this.listener = listener;
  }

  /** True when the listener asked to pause and bytes wait to be lexed. */
  public boolean paused() {
    return paused;
  }

  /** The bytes the streamer holds: its message buffer and what a pause left unlexed. */
  public long bufferedBytes() {
    return (long) buf.length + (pendingEnd - pendingOffset);
  }

  /** Whether bytes fed earlier still wait to be lexed. */
  public boolean hasPending() {
    return pendingOffset < pendingEnd;
  }

  /**
   * Feeds bytes; lexes them until they end or the listener pauses (the rest is kept, copied: the
   * caller may reuse {@code data} once this returns).
   */
  public void feed(byte[] data, int offset, int count) {
    if (hasPending()) {
      int left = pendingEnd - pendingOffset;
      byte[] joined = new byte[left + count];
      System.arraycopy(pending, pendingOffset, joined, 0, left);
      System.arraycopy(data, offset, joined, left, count);
      pending = joined;
      pendingOffset = 0;
      pendingEnd = joined.length;
    } else {
      pending = data; // borrowed for this call only
      borrowed = true;
      pendingOffset = offset;
      pendingEnd = offset + count;
    }
    if (!paused) {
      drain();
    }
    keepRest();
  }

  /** Ends a pause: lexes everything that was kept, until it ends or the listener pauses again. */
  public void resume() {
    paused = false;
    drain();
    keepRest();
  }

  private void drain() {
    while (!paused && pendingOffset < pendingEnd) {
      byte b = pending[pendingOffset++];
      lex(b);
    }
  }

  /** What is left unlexed is copied out of the caller's array (and forgotten once lexed). */
  private void keepRest() {
    if (pendingOffset >= pendingEnd) {
      pending = EMPTY;
      pendingOffset = 0;
      pendingEnd = 0;
    } else if (borrowed) {
      pending = Arrays.copyOfRange(pending, pendingOffset, pendingEnd);
      pendingOffset = 0;
      pendingEnd = pending.length;
    }
    borrowed = false;
  }

  private void lex(byte b) {
    int c = b & 0xFF;
    boolean again = true;
    while (again) {
      again = false;
      if (paused) {
        pendingOffset--; // a lookahead byte after a message that paused the stream: keep it
        return;
      }
      if (state != State.START && state != State.RECOVERY
          && tokenBytes + (length - tokenStart) + 1 > MAX_TOKEN_SIZE) {
        // A token still being lexed counts at once: no input grows the buffer past the limit.
        state = State.RECOVERY;
        skipDepth = 0; // as after a lexical error: the message (even one being skipped) is over
        emitError("JSON token size limit exceeded");
        again = true;
        continue; // this byte again, in recovery
      }
      switch (state) {
        case START -> {
          if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            return; // dropped, as QEMU drops it: a message's bytes are its tokens
          }
          tokenStart = length;
          append(b);
          switch (c) {
            case '{' -> token(Token.Kind.LCURLY);
            case '}' -> token(Token.Kind.RCURLY);
            case '[' -> token(Token.Kind.LSQUARE);
            case ']' -> token(Token.Kind.RSQUARE);
            case ':' -> token(Token.Kind.COLON);
            case ',' -> token(Token.Kind.COMMA);
            case '"', '\'' -> {
              quote = b;
              state = State.STRING;
            }
            case '-' -> state = State.NEG;
            case '0' -> state = State.ZERO;
            default -> {
              if (c >= '1' && c <= '9') {
                state = State.NONZERO;
              } else if (c >= 'a' && c <= 'z') {
                state = State.KEYWORD;
              } else {
                lexicalError();
              }
            }
          }
        }
        case RECOVERY -> {
          // QEMU's IN_RECOVERY: a tab does not end it; any other control character does.
          if (c == '[' || c == ']' || c == '{' || c == '}' || (c < 0x20 && c != '\t') || c >= 0xFE) {
            state = State.START;
            again = true;
          }
        }
        case STRING -> {
          append(b);
          if (b == quote) {
            token(Token.Kind.STRING);
          } else if (c == '\\') {
            state = State.ESCAPE;
          } else if (c < 0x20 || c >= 0xFE) {
            lexicalError();
          }
        }
        case ESCAPE -> {
          append(b);
          if (c < 0x20 || c >= 0xFE) {
            lexicalError();
          } else {
            state = State.STRING;
          }
        }
        case NEG -> {
          append(b);
          if (c == '0') {
            state = State.ZERO;
          } else if (c >= '1' && c <= '9') {
            state = State.NONZERO;
          } else {
            lexicalError();
          }
        }
        case ZERO -> {
          if (c >= '0' && c <= '9') {
            append(b);
            lexicalError();
          } else {
            again = number(c, b, Token.Kind.INTEGER);
          }
        }
        case NONZERO -> {
          if (c >= '0' && c <= '9') {
            append(b);
          } else {
            again = number(c, b, Token.Kind.INTEGER);
          }
        }
        case DOT -> {
          append(b);
          if (c >= '0' && c <= '9') {
            state = State.MANTISSA;
          } else {
            lexicalError();
          }
        }
        case MANTISSA -> {
          if (c >= '0' && c <= '9') {
            append(b);
          } else if (c == 'e' || c == 'E') {
            append(b);
            state = State.EXP;
          } else {
            again = terminal(Token.Kind.FLOAT);
          }
        }
        case EXP -> {
          append(b);
          if (c == '+' || c == '-') {
            state = State.EXP_SIGN;
          } else if (c >= '0' && c <= '9') {
            state = State.EXP_DIGITS;
          } else {
            lexicalError();
          }
        }
        case EXP_SIGN -> {
          append(b);
          if (c >= '0' && c <= '9') {
            state = State.EXP_DIGITS;
          } else {
            lexicalError();
          }
        }
        case EXP_DIGITS -> {
          if (c >= '0' && c <= '9') {
            append(b);
          } else {
            again = terminal(Token.Kind.FLOAT);
          }
        }
        case KEYWORD -> {
          if (c >= 'a' && c <= 'z') {
            append(b);
          } else {
            again = terminal(Token.Kind.KEYWORD);
          }
        }
      }
    }
  }

  /** After the integer part: a fraction, an exponent, or the end of an integer. */
  private boolean number(int c, byte b, Token.Kind kind) {
    if (c == '.') {
      append(b);
      state = State.DOT;
      return false;
    }
    if (c == 'e' || c == 'E') {
      append(b);
      state = State.EXP;
      return false;
    }
    return terminal(kind);
  }

  /** A token ended by the byte after it, which is then lexed again; true if it must be. */
  private boolean terminal(Token.Kind kind) {
    token(kind);
    return true;
  }

  private void lexicalError() {
    int end = tokenStart;
    while (end < length && buf[end] != 0) {
      end++; // QEMU prints the token as a C string: it ends at a NUL
    }
    String text = new String(buf, tokenStart, end - tokenStart, StandardCharsets.UTF_8);
    state = State.RECOVERY;
    // QEMU forgets everything at a lexical error; so does the skipping of a message nested too deep,
    // or a client could never resynchronise (with 0xFF) after one it did not finish.
    skipDepth = 0;
    emitError("JSON parse error, stray '" + text + "'");
  }

  private void token(Token.Kind kind) {
    state = State.START;
    int start = tokenStart;
    int end = length;
    if (skipDepth > 0) {
      skip(kind);
      return;
    }
    switch (kind) {
      case LCURLY -> braces++;
      case RCURLY -> braces--;
      case LSQUARE -> brackets++;
      case RSQUARE -> brackets--;
      default -> {}
    }
    if (tokenBytes + (end - start) + 1 > MAX_TOKEN_SIZE) {
      emitError("JSON token size limit exceeded");
      return;
    }
    if (tokens.size() + 1 > MAX_TOKEN_COUNT) {
      emitError("JSON token count limit exceeded");
      return;
    }
    if (braces + brackets > MAX_NESTING) {
      skipDepth = braces + brackets;
      emitError("JSON nesting depth limit exceeded");
      return;
    }
    tokens.add(new Token(kind, start, end));
    tokenCapacity = Math.max(tokenCapacity, tokens.size());
    tokenBytes += end - start;
    if ((braces > 0 || brackets > 0) && braces >= 0 && brackets >= 0) {
      return;
    }
    boolean go = listener.message(buf, length, tokens);
    reset();
    paused = !go;
  }

  /** Skips the rest of a message nested too deep, up to where its outermost bracket closes. */
  private void skip(Token.Kind kind) {
    switch (kind) {
      case LCURLY, LSQUARE -> skipDepth++;
      case RCURLY, RSQUARE -> skipDepth--;
      default -> {}
    }
    length = 0;
  }

  private void emitError(String text) {
    reset();
    paused = !listener.error(text);
  }

  private void reset() {
    braces = 0;
    brackets = 0;
    tokens.clear();
    tokenBytes = 0;
    length = 0;
    if (buf.length > SHRINK_ABOVE) {
      buf = new byte[INITIAL]; // an idle session does not keep a large message's buffer
    }
    if (tokens instanceof ArrayList<Token> list && tokenCapacity > SHRINK_ABOVE) {
      list.trimToSize();
      tokenCapacity = 0;
    }
  }

  private void append(byte b) {
    if (length == buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, MAX_TOKEN_SIZE + 16L));
    }
    buf[length++] = b;
  }
}
