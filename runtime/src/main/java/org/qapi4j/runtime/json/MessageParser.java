package org.qapi4j.runtime.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the tokens of one message into a {@link JsonValue}, with the errors of QEMU's
 * {@code json-parser.c}: {@code JSON parse error, expecting value}, {@code ... key is not a string
 * in object}, {@code ... duplicate key}, {@code ... \\u12zz is not a valid Unicode character}, ...
 * The first error wins.
 */
public final class MessageParser {
  /** A message that is not valid JSON; the text is QEMU's. */
  public static final class ParseError extends Exception {
    private static final long serialVersionUID = 1L;

    ParseError(String message) {
      super("JSON parse error, " + message, null, false, false);
    }
  }

  private final byte[] buf;
  private final List<Token> tokens;
  private int next;

  private MessageParser(byte[] buf, List<Token> tokens) {
    this.buf = buf;
    this.tokens = tokens;
  }

  public static JsonValue parse(byte[] buf, List<Token> tokens) throws ParseError {
    MessageParser p = new MessageParser(buf, tokens);
    JsonValue v = p.value();
    if (p.next < tokens.size()) {
      // The streamer only hands over balanced groups; leftovers mean a stray closer.
      throw new ParseError("expecting value");
    }
    return v;
  }

  private Token peek() {
    return next < tokens.size() ? tokens.get(next) : null;
  }

  private Token pop() throws ParseError {
    Token t = peek();
    if (t == null) {
      throw new ParseError("premature EOI");
    }
    next++;
    return t;
  }

  private JsonValue value() throws ParseError {
    Token t = peek();
    if (t == null) {
      throw new ParseError("premature EOI");
    }
    return switch (t.kind()) {
      case LCURLY -> object();
      case LSQUARE -> array();
      case STRING -> {
        next++;
        yield new JsonValue.JsonString(string(t), t.start(), t.end());
      }
      case INTEGER, FLOAT -> {
        next++;
        yield new JsonValue.JsonNumber(text(t), t.kind() == Token.Kind.INTEGER, t.start(), t.end());
      }
      case KEYWORD -> {
        next++;
        String word = text(t);
        yield switch (word) {
          case "true" -> new JsonValue.JsonBoolean(true, t.start(), t.end());
          case "false" -> new JsonValue.JsonBoolean(false, t.start(), t.end());
          case "null" -> new JsonValue.JsonNull(t.start(), t.end());
          default -> throw new ParseError("invalid keyword '" + word + "'");
        };
      }
      default -> throw new ParseError("expecting value");
    };
  }

  private JsonValue object() throws ParseError {
    Token open = pop();
    Map<String, JsonValue> members = new LinkedHashMap<>();
    Token peek = peek();
    if (peek == null) {
      throw new ParseError("premature EOI");
    }
    if (peek.kind() == Token.Kind.RCURLY) {
      next++;
      return new JsonValue.JsonObject(members, open.start(), peek.end());
    }
    pair(members);
    Token t = pop();
    while (t.kind() != Token.Kind.RCURLY) {
      if (t.kind() != Token.Kind.COMMA) {
        throw new ParseError("expected separator in dict");
      }
      pair(members);
      t = pop();
    }
    return new JsonValue.JsonObject(members, open.start(), t.end());
  }

  private void pair(Map<String, JsonValue> members) throws ParseError {
    if (peek() == null) {
      throw new ParseError("premature EOI");
    }
    JsonValue key = value();
    if (!(key instanceof JsonValue.JsonString name)) {
      throw new ParseError("key is not a string in object");
    }
    Token colon = pop();
    if (colon.kind() != Token.Kind.COLON) {
      throw new ParseError("missing : in object pair");
    }
    if (peek() == null) {
      throw new ParseError("premature EOI");
    }
    JsonValue v = value();
    if (members.containsKey(name.value())) {
      throw new ParseError("duplicate key");
    }
    members.put(name.value(), v);
  }

  private JsonValue array() throws ParseError {
    Token open = pop();
    List<JsonValue> elements = new ArrayList<>();
    Token peek = peek();
    if (peek == null) {
      throw new ParseError("premature EOI");
    }
    if (peek.kind() == Token.Kind.RSQUARE) {
      next++;
      return new JsonValue.JsonArray(elements, open.start(), peek.end());
    }
    elements.add(value());
    Token t = pop();
    while (t.kind() != Token.Kind.RSQUARE) {
      if (t.kind() != Token.Kind.COMMA) {
        throw new ParseError("expected separator in list");
      }
      elements.add(value());
      t = pop();
    }
    return new JsonValue.JsonArray(elements, open.start(), t.end());
  }

  private String text(Token t) {
    return new String(buf, t.start(), t.end() - t.start(), StandardCharsets.US_ASCII);
  }

  /** The value of a string token, QEMU's escapes and UTF-8 checks applied. */
  private String string(Token t) throws ParseError {
    StringBuilder sb = new StringBuilder();
    int end = t.end() - 1; // before the closing quote
    int i = t.start() + 1;
    while (i < end) {
      int c = buf[i] & 0xFF;
      if (c == '\\') {
        int beg = i;
        char e = (char) (buf[i + 1] & 0xFF);
        i += 2;
        switch (e) {
          case '"', '\'', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            int cp = hex4(i, t.end());
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < end && buf[i] == '\\' && buf[i + 1] == 'u') {
              int trailing = hex4(i + 2, t.end());
              if (trailing >= 0xDC00 && trailing <= 0xDFFF) {
                cp = 0x10000 + ((cp & 0x3FF) << 10) + (trailing & 0x3FF);
                i += 6;
              } else {
                cp = -1;
              }
            }
            if (!validCodepoint(cp)) {
              int len = Math.min(i, end + 1) - beg;
              throw new ParseError(
                  new String(buf, beg, len, StandardCharsets.UTF_8) + " is not a valid Unicode character");
            }
            sb.appendCodePoint(cp);
          }
          default -> throw new ParseError("invalid escape sequence in string");
        }
      } else if (c < 0x80) {
        sb.append((char) c);
        i++;
      } else {
        int cp = utf8Codepoint(i, end);
        if (cp < 0) {
          throw new ParseError("invalid UTF-8 sequence in string");
        }
        sb.appendCodePoint(cp);
        i = utf8End;
      }
    }
    return sb.toString();
  }

  /** Four hex digits at {@code at}, or -1 if they are not (or the token ends first). */
  private int hex4(int at, int limit) {
    int v = 0;
    for (int k = 0; k < 4; k++) {
      if (at + k >= limit) {
        return -1;
      }
      int d = Character.digit(buf[at + k], 16);
      if (d < 0) {
        return -1;
      }
      v = v * 16 + d;
    }
    return v;
  }

  /** Where the sequence {@link #utf8Codepoint} read ends. */
  private int utf8End;

  /**
   * QEMU's {@code mod_utf8_codepoint()}: the code point of the UTF-8 sequence at {@code at}, or -1
   * if it is not valid: a continuation byte first, one missing, an overlong form (except
   * {@code C0 80}, U+0000 in QEMU's modified UTF-8), a surrogate, a noncharacter, beyond U+10FFFF.
   */
  private int utf8Codepoint(int at, int limit) {
    int p = at;
    int b = buf[p++] & 0xFF;
    int cp;
    if (b >= 0xFE || (b & 0x40) == 0) {
      cp = -1; // impossible byte, or a continuation byte first
    } else {
      int len = 0;
      int mask = 0x80;
      for (; (b & mask) != 0; mask >>= 1) {
        len++;
      }
      cp = b & (mask - 1);
      for (int k = 1; k < len; k++) {
        int next = p < limit ? buf[p] & 0xFF : 0;
        if ((next & 0xC0) != 0x80) {
          utf8End = p;
          return -1; // continuation byte missing
        }
        p++;
        cp = (cp << 6) | (next & 0x3F);
      }
      if (!validCodepoint(cp)) {
        cp = -1;
      } else if (cp < MIN_CODEPOINT[len - 2] && !(cp == 0 && len == 2)) {
        cp = -1; // overlong, and not C0 80
      }
    }
    utf8End = p;
    return cp;
  }

  /** The smallest code point of a sequence of 2, 3, 4, 5 and 6 bytes. */
  private static final int[] MIN_CODEPOINT = {0x80, 0x800, 0x10000, 0x200000, 0x4000000};

  /** QEMU's {@code is_valid_codepoint()}: not a surrogate, not a noncharacter, at most U+10FFFF. */
  static boolean validCodepoint(int cp) {
    if (cp < 0 || cp > 0x10FFFF) {
      return false;
    }
    if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
      return false; // noncharacter
    }
    return cp < 0xD800 || cp > 0xDFFF;
  }
}
