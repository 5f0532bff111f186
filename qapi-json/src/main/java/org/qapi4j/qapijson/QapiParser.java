package org.qapi4j.qapijson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * QEMU's QAPI schema parser: the JSON dialect of {@code qapi-code-gen} (single-quoted strings with
 * only {@code \\} as escape, {@code #} comments, {@code ##} doc comment blocks, {@code true} and
 * {@code false}, no numbers or null), {@code include} and {@code pragma} directives. Errors stop
 * the parse and carry QEMU's texts and positions.
 */
public final class QapiParser {
  /** What a schema parses into: its expressions (includes expanded), doc comments and pragmas. */
  /**
   * What a schema parses into.
   *
   * @param expressions the definitions, includes expanded in place
   * @param docs the doc comments
   * @param pragmas the pragmas of all the files
   * @param files the files, in the order they were first included (QEMU's modules)
   */
  public record Parsed(
      List<Expression> expressions, List<QapiDoc> docs, PragmaState pragmas, List<String> files) {}

  private static final int EOF = -1;
  private static final Pattern STRAY = Pattern.compile("[^\\[\\]{}:,\\s']+", Pattern.UNICODE_CHARACTER_CLASS);

  private final Path baseDir;
  private final String fname;
  private final Set<Path> included;
  private final List<String> files;
  private final PragmaState pragmas;
  private final List<Expression> expressions = new ArrayList<>();
  private final List<QapiDoc> docs = new ArrayList<>();

  private String src;
  private int cursor;
  private int pos;
  private int linePos;
  private int tok;
  private Object val;
  private SourceInfo info;

  private QapiParser(
      Path baseDir, String fname, Set<Path> included, List<String> files, PragmaState pragmas,
      SourceInfo includedFrom) {
    this.baseDir = baseDir;
    this.fname = fname;
    this.included = included;
    this.files = files;
    files.add(fname);
    this.pragmas = pragmas;
    this.info = SourceInfo.start(fname, includedFrom);
    included.add(absolute(baseDir, fname));
  }

  /**
   * Parses schema file {@code fname}, resolved against {@code baseDir}; {@code fname} is how the
   * file is named in messages, and included files are named relative to it, as QEMU does.
   */
  public static Parsed parse(Path baseDir, String fname) throws QapiError {
    PragmaState pragmas = new PragmaState();
    QapiParser parser = new QapiParser(baseDir, fname, new HashSet<>(), new ArrayList<>(), pragmas, null);
    try {
      parser.run();
    } catch (IOException e) {
      throw new QapiError(null, "can't read schema file '" + fname + "': " + reason(e));
    }
    return new Parsed(List.copyOf(parser.expressions), List.copyOf(parser.docs), pragmas, List.copyOf(parser.files));
  }

  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "Permission denied";
    }
    if (e.getMessage() != null && e.getMessage().contains("Is a directory")) {
      return "Is a directory";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Path absolute(Path baseDir, String fname) {
    return baseDir.resolve(fname).toAbsolutePath().normalize();
  }

  private void run() throws IOException, QapiError {
    Path file = baseDir.resolve(fname);
    if (Files.isDirectory(file)) {
      throw new IOException("Is a directory");
    }
    src = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    if (src.isEmpty() || src.charAt(src.length() - 1) != '\n') {
      src += "\n";
    }
    accept(true);
    QapiDoc curDoc = null;
    while (tok != EOF) {
      SourceInfo at = info;
      if (tok == '#') {
        rejectExprDoc(curDoc);
        for (QapiDoc doc : getDoc(at)) {
          docs.add(doc);
          curDoc = doc;
        }
        continue;
      }
      Object expr = getExpr();
      if (!(expr instanceof Map<?, ?>)) {
        throw new QapiError(at, "top-level expression must be an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) expr;
      if (body.containsKey("include")) {
        rejectExprDoc(curDoc);
        if (body.size() != 1) {
          throw new QapiError(at, "invalid 'include' directive");
        }
        if (!(body.get("include") instanceof String include)) {
          throw new QapiError(at, "value of 'include' must be a string");
        }
        include(include, at);
      } else if (body.containsKey("pragma")) {
        rejectExprDoc(curDoc);
        if (body.size() != 1) {
          throw new QapiError(at, "invalid 'pragma' directive");
        }
        if (!(body.get("pragma") instanceof Map<?, ?> pragma)) {
          throw new QapiError(at, "value of 'pragma' must be an object");
        }
        for (Map.Entry<?, ?> e : pragma.entrySet()) {
          pragma((String) e.getKey(), e.getValue(), at);
        }
      } else {
        if (curDoc != null && curDoc.symbol() == null) {
          throw new QapiError(curDoc.info(), "definition documentation required");
        }
        expressions.add(new Expression(body, at, curDoc));
      }
      curDoc = null;
    }
    rejectExprDoc(curDoc);
  }

  private void include(String include, SourceInfo at) throws QapiError {
    String parentDir = fname.lastIndexOf('/') < 0 ? "" : fname.substring(0, fname.lastIndexOf('/'));
    String inclFname = include.startsWith("/") || parentDir.isEmpty() ? include : parentDir + "/" + include;
    Path abs = absolute(baseDir, inclFname);
    for (SourceInfo i = at; i != null; i = i.parent()) {
      if (abs.equals(absolute(baseDir, i.fname()))) {
        throw new QapiError(at, "inclusion loop for " + include);
      }
    }
    if (included.contains(abs)) {
      return;
    }
    QapiParser sub = new QapiParser(baseDir, inclFname, included, files, pragmas, at);
    try {
      sub.run();
    } catch (IOException e) {
      throw new QapiError(at, "can't read include file '" + inclFname + "': " + reason(e));
    }
    expressions.addAll(sub.expressions);
    docs.addAll(sub.docs);
  }

  private void pragma(String name, Object value, SourceInfo at) throws QapiError {
    switch (name) {
      case "doc-required" -> {
        if (!(value instanceof Boolean b)) {
          throw new QapiError(at, "pragma 'doc-required' must be boolean");
        }
        pragmas.docRequired = b;
      }
      case "command-name-exceptions" -> pragmas.commandNameExceptions = listOfStrings(name, value, at);
      case "command-returns-exceptions" -> pragmas.commandReturnsExceptions = listOfStrings(name, value, at);
      case "member-name-exceptions" -> pragmas.memberNameExceptions = listOfStrings(name, value, at);
      default -> throw new QapiError(at, "unknown pragma '" + name + "'");
    }
  }

  private static List<String> listOfStrings(String name, Object value, SourceInfo at) throws QapiError {
    if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      throw new QapiError(at, "pragma " + name + " must be a list of strings");
    }
    return list.stream().map(String.class::cast).toList();
  }

  private static void rejectExprDoc(QapiDoc doc) throws QapiError {
    if (doc != null && doc.symbol() != null) {
      throw new QapiError(
          doc.info(), "documentation for '" + doc.symbol() + "' is not followed by the definition");
    }
  }

  // ---- lexer ----

  /** A syntax error at the current token. */
  QapiError error(String message) {
    int col = 1;
    for (int i = linePos; i < pos; i++) {
      col = src.charAt(i) == '\t' ? (col + 7) % 8 + 1 : col + 1;
    }
    return new QapiError(info, col, message);
  }

  private void accept(boolean skipComment) throws QapiError {
    while (true) {
      tok = src.charAt(cursor);
      pos = cursor;
      cursor++;
      val = null;
      if (tok == '#') {
        boolean skip = skipComment;
        if (src.charAt(cursor) == '#') {
          skip = false; // start of a doc comment
        }
        cursor = src.indexOf('\n', cursor);
        if (!skip) {
          val = src.substring(pos, cursor);
          return;
        }
      } else if ("{}:,[]".indexOf(tok) >= 0) {
        return;
      } else if (tok == '\'') {
        StringBuilder string = new StringBuilder();
        boolean esc = false;
        while (true) {
          char ch = src.charAt(cursor);
          cursor++;
          if (ch == '\n') {
            throw error("missing terminating \"'\"");
          }
          if (esc) {
            if (ch != '\\') {
              throw error("unknown escape \\" + ch);
            }
            esc = false;
          } else if (ch == '\\') {
            esc = true;
            continue;
          } else if (ch == '\'') {
            val = string.toString();
            return;
          }
          if (ch < 32 || ch >= 127) {
            throw error("funny character in string");
          }
          string.append(ch);
        }
      } else if (src.startsWith("true", pos)) {
        val = Boolean.TRUE;
        cursor += 3;
        return;
      } else if (src.startsWith("false", pos)) {
        val = Boolean.FALSE;
        cursor += 4;
        return;
      } else if (tok == '\n') {
        if (cursor == src.length()) {
          tok = EOF;
          return;
        }
        info = info.nextLine();
        linePos = cursor;
      } else if (!isSpace(tok)) {
        Matcher m = STRAY.matcher(src);
        m.region(cursor - 1, src.length());
        String stray = m.lookingAt() ? m.group() : String.valueOf((char) tok);
        throw error("stray '" + stray + "'");
      }
    }
  }

  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
  }

  private void accept() throws QapiError {
    accept(true);
  }

  // ---- grammar ----

  private Map<String, Object> getMembers() throws QapiError {
    Map<String, Object> expr = new LinkedHashMap<>();
    if (tok == '}') {
      accept();
      return expr;
    }
    if (tok != '\'') {
      throw error("expected string or '}'");
    }
    while (true) {
      String key = (String) val;
      accept();
      if (tok != ':') {
        throw error("expected ':'");
      }
      accept();
      if (expr.containsKey(key)) {
        throw error("duplicate key '" + key + "'");
      }
      expr.put(key, getExpr());
      if (tok == '}') {
        accept();
        return expr;
      }
      if (tok != ',') {
        throw error("expected ',' or '}'");
      }
      accept();
      if (tok != '\'') {
        throw error("expected string");
      }
    }
  }

  private List<Object> getValues() throws QapiError {
    List<Object> expr = new ArrayList<>();
    if (tok == ']') {
      accept();
      return expr;
    }
    if (tok == EOF || "{['tf".indexOf(tok) < 0) {
      throw error("expected '{', '[', ']', string, or boolean");
    }
    while (true) {
      expr.add(getExpr());
      if (tok == ']') {
        accept();
        return expr;
      }
      if (tok != ',') {
        throw error("expected ',' or ']'");
      }
      accept();
    }
  }

  private Object getExpr() throws QapiError {
    Object expr;
    if (tok == '{') {
      accept();
      expr = getMembers();
    } else if (tok == '[') {
      accept();
      expr = getValues();
    } else if (tok != EOF && "'tf".indexOf(tok) >= 0) {
      expr = val;
      accept();
    } else {
      throw error("expected '{', '[', string, or boolean");
    }
    return expr;
  }

  private List<QapiDoc> getDoc(SourceInfo at) throws QapiError {
    if (!"##".equals(val)) {
      throw error("junk after '##' at start of documentation comment");
    }
    List<QapiDoc> result = new ArrayList<>();
    QapiDoc cur = new QapiDoc(this, at);
    accept(false);
    while (tok == '#') {
      String line = (String) val;
      if (line.startsWith("##")) {
        if (!line.equals("##")) {
          throw error("junk after '##' at end of documentation comment");
        }
        cur.endComment();
        result.add(cur);
        accept();
        return result;
      }
      if (line.startsWith("# =")) {
        if (cur.symbol() != null) {
          throw error("unexpected '=' markup in definition documentation");
        }
        if (!cur.bodyText().isEmpty()) {
          cur.endComment();
          result.add(cur);
          cur = new QapiDoc(this, at);
        }
      }
      cur.append(line);
      accept(false);
    }
    throw error("documentation comment must end with '##'");
  }
}
