package org.qapi4j.runtime;

import org.qapi4j.runtime.marshal.Input;
import org.qapi4j.runtime.marshal.ObjectReader;
import tools.jackson.core.JsonParser;

/** Arguments of the hand-written test commands, read as generated code reads them. */
public final class TestArguments {
  private TestArguments() {}

  /** {@code 'data': {'NAME': 'int'}}: the one mandatory argument. */
  public static long int64(JsonParser arguments, String name) {
    ObjectReader r = new ObjectReader(Input.arguments(arguments), null);
    long value = 0;
    while (r.next()) {
      try {
        if (r.key().equals(name)) {
          value = r.int64(0);
        } else {
          r.unexpected();
        }
      } catch (QmpError e) {
        r.invalid(e);
      }
    }
    r.require(0, name);
    r.check();
    return value;
  }

  /** {@code 'data': {'NAME': 'str'}}: the one mandatory argument. */
  public static String str(JsonParser arguments, String name) {
    return str(arguments, name, true);
  }

  /** {@code 'data': {'*NAME': 'str'}}: the one optional argument, null when absent. */
  public static String optionalStr(JsonParser arguments, String name) {
    return str(arguments, name, false);
  }

  private static String str(JsonParser arguments, String name, boolean mandatory) {
    ObjectReader r = new ObjectReader(Input.arguments(arguments), null);
    String value = null;
    while (r.next()) {
      try {
        if (r.key().equals(name)) {
          value = r.str(0);
        } else {
          r.unexpected();
        }
      } catch (QmpError e) {
        r.invalid(e);
      }
    }
    if (mandatory) {
      r.require(0, name);
    }
    r.check();
    return value;
  }
}
