package org.qapi4j.qapijson;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.qapi4j.model.Names;

/**
 * QEMU's expression checks ({@code expr.py}): the shape of each top-level expression, one at a
 * time, with QEMU's messages — the rules only the JSON syntax can break, plus naming. Normalises
 * the expression in place as QEMU does (short member forms become {@code {'type': T}}, features
 * and enum values become objects), so the schema builder sees one form.
 */
final class ExprChecker {
  private static final List<String> METAS = List.of("enum", "struct", "union", "alternate", "command", "event");
  private static final Pattern IF_SYMBOL = Pattern.compile("[A-Z][A-Z0-9_]*");

  private final PragmaState pragmas;
  private SourceInfo info;

  ExprChecker(PragmaState pragmas) {
    this.pragmas = pragmas;
  }

  /** Checks one expression; returns it located in its definition, or throws the first violation. */
  Expression check(Expression e) throws QapiError {
    Map<String, Object> expr = e.body();
    info = e.info();
    List<String> metas = METAS.stream().filter(expr::containsKey).toList();
    if (metas.size() != 1) {
      throw error("expression must have exactly one key 'enum', 'struct', 'union', 'alternate', 'command', 'event'");
    }
    String meta = metas.get(0);
    checkNameIsStr(expr.get(meta), "'" + meta + "'");
    String name = (String) expr.get(meta);
    e = e.located(meta, name);
    info = e.info();
    checkDefnNameStr(name, meta);

    // A missing comment under doc-required and Returns: outside a command are rules of the model's
    // DocRules too (for Javadoc), but QEMU checks them here, with the expression, before the rest
    // of it and before any whole-schema check: here, the first error stays QEMU's.
    QapiDoc doc = e.doc();
    if (doc != null) {
      if (!name.equals(doc.symbol())) {
        throw error("documentation comment is for '" + doc.symbol() + "'");
      }
      doc.checkExpr(expr);
    } else if (pragmas.docRequired) {
      throw error("documentation comment required");
    }

    switch (meta) {
      case "enum" -> {
        checkKeys(expr, meta, List.of("enum", "data"), List.of("if", "features", "prefix"));
        checkEnum(expr);
      }
      case "union" -> {
        checkKeys(expr, meta, List.of("union", "base", "discriminator", "data"), List.of("if", "features"));
        normalizeMembers(expr.get("base"));
        normalizeMembers(expr.get("data"));
        checkUnion(expr);
      }
      case "alternate" -> {
        checkKeys(expr, meta, List.of("alternate", "data"), List.of("if", "features"));
        normalizeMembers(expr.get("data"));
        checkAlternate(expr);
      }
      case "struct" -> {
        checkKeys(expr, meta, List.of("struct", "data"), List.of("base", "if", "features"));
        normalizeMembers(expr.get("data"));
        if (expr.get("data") instanceof String) {
          // QEMU 7.2 crashes on a struct whose members are a type name; this is QEMU 8's error.
          throw error("'data' should be an object or type name");
        }
        checkType(expr.get("data"), "'data'", false, name);
        checkType(expr.get("base"), "'base'", false, null);
      }
      case "command" -> {
        checkKeys(expr, meta, List.of("command"),
            List.of("data", "returns", "boxed", "if", "features", "gen", "success-response", "allow-oob",
                "allow-preconfig", "coroutine"));
        normalizeMembers(expr.get("data"));
        checkCommandOrEvent(expr);
        checkType(expr.get("returns"), "'returns'", true, null);
      }
      case "event" -> {
        checkKeys(expr, meta, List.of("event"), List.of("data", "boxed", "if", "features"));
        normalizeMembers(expr.get("data"));
        checkCommandOrEvent(expr);
      }
      default -> throw new AssertionError(meta);
    }
    checkIf(expr, meta);
    checkFeatures(expr.get("features"));
    checkFlags(expr);
    return e;
  }

  private QapiError error(String message) {
    return new QapiError(info, message);
  }

  private void checkNameIsStr(Object name, String source) throws QapiError {
    if (!(name instanceof String)) {
      throw error(source + " requires a string name");
    }
  }

  private String checkNameStr(String name, String source) throws QapiError {
    String stem = Names.stem(name);
    if (stem == null) {
      throw error(source + " has an invalid name");
    }
    return stem;
  }

  private void checkNameUpper(String name, String source) throws QapiError {
    String stem = checkNameStr(name, source);
    if (stem.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || c == '-')) {
      throw error("name of " + source + " must not use lowercase or '-'");
    }
  }

  private void checkNameLower(String name, String source, boolean permitUpper, boolean permitUnderscore)
      throws QapiError {
    String stem = checkNameStr(name, source);
    if ((!permitUpper && stem.chars().anyMatch(c -> c >= 'A' && c <= 'Z'))
        || (!permitUnderscore && stem.indexOf('_') >= 0)) {
      throw error("name of " + source + " must not use uppercase or '_'");
    }
  }

  private void checkDefnNameStr(String name, String meta) throws QapiError {
    switch (meta) {
      case "event" -> checkNameUpper(name, meta);
      case "command" -> checkNameLower(name, meta, false, pragmas.commandNameExceptions.contains(name));
      default -> {
        String stem = checkNameStr(name, meta);
        if (!Names.isCamel(stem)) {
          throw error("name of " + meta + " must use CamelCase");
        }
        if (name.endsWith("List")) {
          throw error(meta + " name should not end in 'List'");
        }
      }
    }
  }

  private void checkKeys(Map<String, Object> value, String source, List<String> required, List<String> optional)
      throws QapiError {
    Set<String> missing = new TreeSet<>(required);
    missing.removeAll(value.keySet());
    if (!missing.isEmpty()) {
      throw error(source + " misses key" + (missing.size() > 1 ? "s " : " ") + quoted(missing));
    }
    Set<String> allowed = new TreeSet<>(required);
    allowed.addAll(optional);
    Set<String> unknown = new TreeSet<>(value.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw error(source + " has unknown key" + (unknown.size() > 1 ? "s " : " ") + quoted(unknown)
          + "\nValid keys are " + quoted(allowed) + ".");
    }
  }

  private static String quoted(Set<String> names) {
    return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }

  private void checkFlags(Map<String, Object> expr) throws QapiError {
    for (String key : List.of("gen", "success-response")) {
      if (expr.containsKey(key) && !Boolean.FALSE.equals(expr.get(key))) {
        throw error("flag '" + key + "' may only use false value");
      }
    }
    for (String key : List.of("boxed", "allow-oob", "allow-preconfig", "coroutine")) {
      if (expr.containsKey(key) && !Boolean.TRUE.equals(expr.get(key))) {
        throw error("flag '" + key + "' may only use true value");
      }
    }
    if (expr.containsKey("allow-oob") && expr.containsKey("coroutine")) {
      throw error("flags 'allow-oob' and 'coroutine' are incompatible");
    }
  }

  private void checkIf(Map<String, Object> expr, String source) throws QapiError {
    Object cond = expr.get("if");
    if (cond != null) {
      checkIfCondition(cond, source);
    }
  }

  @SuppressWarnings("unchecked")
  private void checkIfCondition(Object cond, String source) throws QapiError {
    if (cond instanceof String s) {
      if (!IF_SYMBOL.matcher(s).matches()) {
        throw error("'if' condition '" + s + "' of " + source + " is not a valid identifier");
      }
      return;
    }
    if (!(cond instanceof Map<?, ?>)) {
      throw error("'if' condition of " + source + " must be a string or an object");
    }
    Map<String, Object> c = (Map<String, Object>) cond;
    checkKeys(c, "'if' condition of " + source, List.of(), List.of("all", "any", "not"));
    if (c.size() != 1) {
      throw error("'if' condition of " + source + " has conflicting keys");
    }
    if (c.containsKey("not")) {
      checkIfCondition(c.get("not"), source);
    } else {
      String operator = c.containsKey("all") ? "all" : "any";
      if (!(c.get(operator) instanceof List<?> operands)) {
        throw error("'" + operator + "' condition of " + source + " must be an array");
      }
      if (operands.isEmpty()) {
        throw error("'if' condition [] of " + source + " is useless");
      }
      for (Object operand : operands) {
        checkIfCondition(operand, source);
      }
    }
  }

  /** QEMU's {@code normalize_members}: {@code 'a': 'int'} becomes {@code 'a': {'type': 'int'}}. */
  @SuppressWarnings("unchecked")
  static void normalizeMembers(Object members) {
    if (members instanceof Map<?, ?> m) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        if (!(e.getValue() instanceof Map<?, ?>)) {
          Map<String, Object> type = new java.util.LinkedHashMap<>();
          type.put("type", e.getValue());
          e.setValue(type);
        }
      }
    }
  }

  /**
   * QEMU's {@code check_type}. {@code allowDictFor} is null where no inline object is allowed, the
   * name of the definition whose {@code member-name-exceptions} apply where one is, or "" where one
   * is allowed without exceptions.
   */
  @SuppressWarnings("unchecked")
  private void checkType(Object value, String source, boolean allowArray, String allowDictFor) throws QapiError {
    if (value == null || value instanceof String) {
      return;
    }
    if (value instanceof List<?> list) {
      if (!allowArray) {
        throw error(source + " cannot be an array");
      }
      if (list.size() != 1 || !(list.get(0) instanceof String)) {
        throw error(source + ": array type must contain single type name");
      }
      return;
    }
    if (allowDictFor == null) {
      throw error(source + " should be a type name");
    }
    if (!(value instanceof Map<?, ?>)) {
      throw error(source + " should be an object or type name");
    }
    boolean permissive = !allowDictFor.isEmpty() && pragmas.memberNameExceptions.contains(allowDictFor);
    for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
      String key = e.getKey();
      String keySource = source + " member '" + key + "'";
      if (key.startsWith("*")) {
        key = key.substring(1);
      }
      checkNameLower(key, keySource, permissive, permissive);
      String c = Names.cName(key);
      if (c.equals("u") || c.startsWith("has_")) {
        throw error(keySource + " uses reserved name");
      }
      Map<String, Object> arg = (Map<String, Object>) e.getValue();
      checkKeys(arg, keySource, List.of("type"), List.of("if", "features"));
      checkIf(arg, keySource);
      checkFeatures(arg.get("features"));
      checkType(arg.get("type"), keySource, true, null);
    }
  }

  @SuppressWarnings("unchecked")
  private void checkFeatures(Object features) throws QapiError {
    if (features == null) {
      return;
    }
    if (!(features instanceof List<?>)) {
      throw error("'features' must be an array");
    }
    List<Object> list = (List<Object>) features;
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?>)) {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("name", list.get(i));
        list.set(i, f);
      }
    }
    for (Object o : list) {
      Map<String, Object> feat = (Map<String, Object>) o;
      String source = "'features' member";
      checkKeys(feat, source, List.of("name"), List.of("if"));
      checkNameIsStr(feat.get("name"), source);
      source = source + " '" + feat.get("name") + "'";
      checkNameLower((String) feat.get("name"), source, false, false);
      checkIf(feat, source);
    }
  }

  @SuppressWarnings("unchecked")
  private void checkEnum(Map<String, Object> expr) throws QapiError {
    String name = (String) expr.get("enum");
    Object data = expr.get("data");
    Object prefix = expr.get("prefix");
    if (!(data instanceof List<?>)) {
      throw error("'data' must be an array");
    }
    if (prefix != null && !(prefix instanceof String)) {
      throw error("'prefix' must be a string");
    }
    boolean permissive = pragmas.memberNameExceptions.contains(name);
    List<Object> members = (List<Object>) data;
    for (int i = 0; i < members.size(); i++) {
      if (!(members.get(i) instanceof Map<?, ?>)) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", members.get(i));
        members.set(i, m);
      }
    }
    for (Object o : members) {
      Map<String, Object> member = (Map<String, Object>) o;
      String source = "'data' member";
      checkKeys(member, source, List.of("name"), List.of("if", "features"));
      checkNameIsStr(member.get("name"), source);
      String memberName = (String) member.get("name");
      source = source + " '" + memberName + "'";
      if (!memberName.isEmpty() && Character.isDigit(memberName.charAt(0))) {
        memberName = "d" + memberName; // enum values alone may start with a digit
      }
      checkNameLower(memberName, source, permissive, permissive);
      checkIf(member, source);
      checkFeatures(member.get("features"));
    }
  }

  @SuppressWarnings("unchecked")
  private void checkUnion(Map<String, Object> expr) throws QapiError {
    String name = (String) expr.get("union");
    Object base = expr.get("base");
    checkType(base, "'base'", false, name);
    checkNameIsStr(expr.get("discriminator"), "'discriminator'");
    if (!(expr.get("data") instanceof Map<?, ?> data)) {
      throw error("'data' must be an object");
    }
    for (Map.Entry<String, Object> e : ((Map<String, Object>) data).entrySet()) {
      String source = "'data' member '" + e.getKey() + "'";
      Map<String, Object> value = (Map<String, Object>) e.getValue();
      checkKeys(value, source, List.of("type"), List.of("if"));
      checkIf(value, source);
      checkType(value.get("type"), source, base == null, null);
    }
  }

  @SuppressWarnings("unchecked")
  private void checkAlternate(Map<String, Object> expr) throws QapiError {
    Object data = expr.get("data");
    if (data == null || (data instanceof Map<?, ?> m && m.isEmpty())
        || (data instanceof List<?> l && l.isEmpty()) || "".equals(data) || Boolean.FALSE.equals(data)) {
      throw error("'data' must not be empty");
    }
    if (!(data instanceof Map<?, ?>)) {
      throw error("'data' must be an object");
    }
    for (Map.Entry<String, Object> e : ((Map<String, Object>) data).entrySet()) {
      String source = "'data' member '" + e.getKey() + "'";
      checkNameLower(e.getKey(), source, false, false);
      Map<String, Object> value = (Map<String, Object>) e.getValue();
      checkKeys(value, source, List.of("type"), List.of("if"));
      checkIf(value, source);
      checkType(value.get("type"), source, true, null);
    }
  }

  private void checkCommandOrEvent(Map<String, Object> expr) throws QapiError {
    Object args = expr.get("data");
    // QEMU tests 'boxed' for truth here, before its flags check refuses any value but true.
    boolean boxed = truthy(expr.get("boxed"));
    if (boxed && args == null) {
      throw error("'boxed': true requires 'data'");
    }
    checkType(args, "'data'", false, boxed ? null : "");
  }

  /**
   * Python's truth of a JSON value, which QEMU tests where a key may be absent: false, null, 0, and
   * an empty string, list or object are false.
   */
  static boolean truthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String t) {
      return !t.isEmpty();
    }
    if (value instanceof java.util.Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return !(value instanceof Number n) || n.doubleValue() != 0;
  }
}
